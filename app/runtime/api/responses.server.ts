/**
 * JSON responses of the public chat API. Errors always have the same shape:
 * { error: { code, message, field? } } — clients switch on `code`, show `message`.
 */
export type ApiErrorBody = { error: { code: string; message: string; field?: string } };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  // A known length lets the response go out in one write, without chunked encoding.
  const length = String(Buffer.byteLength(text));
  return new Response(text, { status: init.status ?? 200, headers: { ...JSON_HEADERS, "Content-Length": length, ...init.headers } });
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
