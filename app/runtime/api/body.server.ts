/**
 * Reads a JSON request body defensively: JSON content type only, a byte cap enforced while
 * streaming (a 10 MB body never lands in memory), strict UTF-8, and an object at the top.
 * Then validates with the route's zod schema and reports the first problem with its field.
 * Every refusal is a 400 `{ error: { code, message, field } }` (SPEC); problems with the body
 * as a whole name the field "body", and an oversized body names the route's long text field
 * when it has one (a 1 MB message is a too-long `text`, like a 4,001-character one).
 */
import type { z } from "zod";
import { apiError } from "./responses.server";
import type { ApiRequest } from "./request";
import { hasLoneSurrogate } from "./text";

export const MAX_BODY_BYTES = 64 * 1024;

// One decoder for every body: decode() without { stream: true } keeps no state between calls.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

/** What to answer for a body over the cap: by default the body as a whole. */
export type OversizeAnswer = { code: string; field: string; message: string };

export async function parseJsonBody<T>(
  request: ApiRequest,
  schema: z.ZodType<T>,
  options: { maxBytes?: number; emptyAs?: unknown; oversize?: OversizeAnswer } = {},
): Promise<BodyResult<T>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  // A bodiless POST (no content type, no bytes) means "no options" where the route allows it.
  const declaredLength = request.headers.get("content-length");
  if (options.emptyAs !== undefined && !mediaType && (declaredLength === "0" || (declaredLength === null && !request.body))) {
    return parseValue(options.emptyAs, schema);
  }
  if (mediaType !== "application/json") return badBody("unsupported_content_type", "Send the body as application/json.");
  const oversize = options.oversize ?? { code: "body_too_large", field: "body", message: `The body must be at most ${Math.round(maxBytes / 1024)} KB.` };
  const declared = Number(declaredLength ?? "0");
  if (declared > maxBytes) return fail(apiError(400, oversize.code, oversize.message, { field: oversize.field }));
  const bytes = await readCapped(request, maxBytes);
  if (bytes === null) return fail(apiError(400, oversize.code, oversize.message, { field: oversize.field }));
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return badBody("invalid_utf8", "The body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return badBody("invalid_json", "The body is not valid JSON.");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return badBody("invalid_body", "The body must be a JSON object.");
  return parseValue(json, schema);
}

function badBody<T>(code: string, message: string): BodyResult<T> {
  return fail(apiError(400, code, message, { field: "body" }));
}

function parseValue<T>(json: unknown, schema: z.ZodType<T>): BodyResult<T> {
  const parsed = schema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.map(String).join(".") || "body";
    return fail(apiError(400, issueCode(issue), describeIssue(issue, field), { field }));
  }
  return { ok: true, data: parsed.data };
}

function fail<T>(response: Response): BodyResult<T> {
  return { ok: false, response };
}

/** The request body, or null as soon as it passes `maxBytes` (the rest is never read). */
export async function readCapped(request: ApiRequest, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  if ("readCapped" in request.body) return request.body.readCapped(maxBytes);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type Issue = z.core.$ZodIssue;

function issueCode(issue: Issue): string {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "required" : "too_small";
    case "too_big":
      return issue.origin === "string" ? "too_long" : "too_big";
    case "invalid_type":
      return issue.input === undefined ? "required" : "invalid_type";
    case "unrecognized_keys":
      return "unknown_field";
    case "custom":
      return typeof issue.params?.code === "string" ? issue.params.code : "invalid_field";
    default:
      return "invalid_field";
  }
}

function describeIssue(issue: Issue, field: string): string {
  const name = field;
  if (issue.code === "custom") return issue.message;
  if (issue.code === "invalid_type" && issue.input === undefined) return `${name} is required.`;
  if (issue.code === "unrecognized_keys") return `Unknown field: ${issue.keys.join(", ")}.`;
  if (issue.code === "too_small" && issue.origin === "string") return `${name} must not be empty.`;
  if (issue.code === "too_big" && issue.origin === "string") return `${name} must be at most ${issue.maximum} characters.`;
  return `${name}: ${issue.message}`;
}

/** A zod refinement for free text fields: lone surrogates are not text. */
export function isWellFormedText(value: string): boolean {
  return !hasLoneSurrogate(value);
}
