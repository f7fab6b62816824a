/**
 * JSON responses of the public chat API. Errors always have the same shape:
 * { error: { code, message, field? } } — clients switch on `code`, show `message`.
 */
export type ApiErrorBody = { error: { code: string; message: string; field?: string } };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * Every Response apiJson builds also carries its status, headers and text as plain values under
 * this registry symbol (found across module copies: the server build and app/cli). The
 * production server writes those straight to the socket instead of reading the body stream
 * back and iterating the Headers (app/cli/api-routes.ts); anything else reads the Response.
 */
export const PLAIN_REPLY = Symbol.for("baton.plainReply");
export type PlainReply = { status: number; headers: Record<string, string>; body: string };

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  // A known length lets the response go out in one write, without chunked encoding.
  const headers = { ...JSON_HEADERS, "Content-Length": String(Buffer.byteLength(text)), ...init.headers };
  const status = init.status ?? 200;
  const response = new Response(text, { status, headers });
  const plain: PlainReply = { status, headers, body: text };
  // So a route must not change an apiJson Response's headers afterwards (none does): build it with them.
  Object.defineProperty(response, PLAIN_REPLY, { value: plain });
  return response;
}

export function apiError(
  status: number,
  code: string,
  message: string,
  options: { field?: string; headers?: Record<string, string> } = {},
): Response {
  const error: ApiErrorBody["error"] = { code, message };
  if (options.field) error.field = options.field;
  return apiJson({ error }, { status, headers: options.headers });
}

/** The one "not found" answer: the same for a missing conversation and a wrong token. */
export function notFound(): Response {
  return apiError(404, "not_found", "Conversation not found.");
}

export function methodNotAllowed(allowed: string): Response {
  return apiError(405, "method_not_allowed", `Use ${allowed}.`, { headers: { Allow: allowed } });
}
