/**
 * Turns an `http` step's settings and the conversation's fields into the request to send. Pure
 * and isomorphic: the runtime sends what this builds, and the diagnostics build it with sample
 * values to check the URL and the body before anything runs.
 */
import type { FieldValue } from "../shared/context";
import { listTemplateFields } from "../shared/template";
import type { HttpData, HttpMethod } from "./schema";

export type BuiltRequest = { method: HttpMethod; url: URL; headers: Record<string, string>; body?: string };

export type BuildResult = { ok: true; request: BuiltRequest } | { ok: false; error: "missing_field" | "bad_url" | "bad_body"; detail: string };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The fields the URL, the headers and the body read. */
export function listRequestFields(data: Pick<HttpData, "url" | "headers" | "body">): Array<{ name: string; field: string }> {
  return [
    ...listTemplateFields(data.url).map((name) => ({ name, field: "url" })),
    ...Object.values(data.headers).flatMap((value) => listTemplateFields(value).map((name) => ({ name, field: "headers" }))),
    ...listTemplateFields(data.body ?? "").map((name) => ({ name, field: "body" })),
  ];
}

function missingFields(data: HttpData, fields: Record<string, FieldValue>): string[] {
  const names = listRequestFields(data).map((read) => read.name);
  return [...new Set(names)].filter((name) => fields[name] === undefined || String(fields[name]).trim() === "");
}

/** Each value is URL-encoded, so "A/12 3" can never change the path or add a query parameter. */
export function fillUrl(template: string, fields: Record<string, FieldValue>): string {
  return template.trim().replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(String(fields[name] ?? "")));
}

/**
 * Fills a JSON template. Inside a string literal a value is escaped as string content
 * (`"id": "{{order_id}}"`); outside one it becomes a JSON value (`"qty": {{count}}` → a number
 * stays a number, text is quoted). So no value can break out of its place in the document.
 */
export function fillJsonTemplate(template: string, fields: Record<string, FieldValue>): string {
  let out = "";
  let inString = false;
  for (let at = 0; at < template.length; ) {
    const char = template[at];
    if (inString && char === "\\") {
      out += template.slice(at, at + 2);
      at += 2;
      continue;
    }
    if (char === '"') inString = !inString;
    if (char === "{" && template[at + 1] === "{") {
      const match = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/.exec(template.slice(at));
      if (match) {
        const value = fields[match[1]];
        out += inString ? JSON.stringify(String(value ?? "")).slice(1, -1) : JSON.stringify(value ?? null);
        at += match[0].length;
        continue;
      }
    }
    out += char;
    at += 1;
  }
  return out;
}

/** Header values are single-line: a value with a line break could forge another header. */
function fillHeader(template: string, fields: Record<string, FieldValue>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => String(fields[name] ?? "")).replace(/[\r\n]+/g, " ").trim();
}

export function buildHttpRequest(data: HttpData, fields: Record<string, FieldValue>): BuildResult {
  const missing = missingFields(data, fields);
  if (missing.length > 0) return { ok: false, error: "missing_field", detail: `the request needs ${missing.map((name) => `{{${name}}}`).join(", ")}, which the conversation does not have yet` };
  let url: URL;
  try {
    url = new URL(fillUrl(data.url, fields));
  } catch {
    return { ok: false, error: "bad_url", detail: "the URL is not a valid address" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, error: "bad_url", detail: "the URL must start with https:// or http://" };
  if (url.username || url.password) return { ok: false, error: "bad_url", detail: "put API keys in a credential, not in the URL" };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(data.headers)) headers[name] = fillHeader(value, fields);
  const template = data.body?.trim() ? data.body : undefined;
  if (!template) return { ok: true, request: { method: data.method, url, headers } };
  const body = fillJsonTemplate(template, fields);
  try {
    JSON.parse(body);
  } catch (error) {
    return { ok: false, error: "bad_body", detail: `the body is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  return { ok: true, request: { method: data.method, url, headers: hasContentType ? headers : { ...headers, "Content-Type": "application/json" }, body } };
}
