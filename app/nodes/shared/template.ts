import type { FieldValue } from "./context";

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{field}}` with captured values. An unknown field renders as an empty string: a
 * customer must never see template syntax, and the compiler warns about such fields instead.
 */
export function fillTemplate(text: string, fields: Record<string, FieldValue>): string {
  return text
    .replace(PLACEHOLDER, (_, name: string) => (fields[name] === undefined ? "" : String(fields[name])))
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export function listTemplateFields(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** The fields a text reads, named with the data field holding the text (for the "never collected" check). */
export function listTemplateReads(field: string, text: string): Array<{ name: string; field: string }> {
  return listTemplateFields(text).map((name) => ({ name, field }));
}

/** The text cut into literal parts and `{{field}}` parts, for the editor's live preview. */
export function splitTemplate(text: string): Array<{ text: string } | { field: string }> {
  const parts: Array<{ text: string } | { field: string }> = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ field: match[1] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
