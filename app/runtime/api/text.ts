/**
 * Customer text hygiene. Decision: C0 control characters other than tab and newline (and DEL)
 * are STRIPPED, and CR/CRLF become LF, because pasted text often carries them harmlessly and
 * rejecting the whole message would lose it. Lone UTF-16 surrogates (possible through JSON
 * "\ud800" escapes) are REJECTED: they are not text and would not survive storage intact.
 * Markup such as <script> is kept verbatim — it is inert data; the API only returns JSON.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const STRIPPED_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export type CleanText = { ok: true; text: string } | { ok: false; code: "invalid_text" | "empty"; message: string };

export function cleanCustomerText(raw: string): CleanText {
  if (LONE_SURROGATE.test(raw)) {
    return { ok: false, code: "invalid_text", message: "The text contains an invalid character (a lone UTF-16 surrogate)." };
  }
  const text = raw.replace(/\r\n?/g, "\n").replace(STRIPPED_CONTROLS, "");
  if (text.trim().length === 0) return { ok: false, code: "empty", message: "The message is empty." };
  return { ok: true, text };
}

/** A one-line value (a name, a page address): control characters dropped, whitespace runs made one space. */
export function cleanInlineText(raw: string): string {
  return raw.replace(STRIPPED_CONTROLS, "").replace(/\s+/g, " ").trim();
}

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}
