/**
 * What an `http` step's actor gets and gives back. The actor lives on the server (it needs the
 * workspace's credentials and allow-list); the flow machine only sees this plain data.
 */
import type { FieldValue } from "../shared/context";
import type { HttpData, HttpMethod } from "./schema";

export type HttpCallInput = { nodeId: string; data: HttpData; fields: Record<string, FieldValue> };

export type HttpFailure =
  | "missing_field"
  | "bad_url"
  | "bad_body"
  | "not_allowed"
  | "blocked_address"
  | "unknown_credential"
  | "timeout"
  | "network"
  | "http_status"
  | "bad_json"
  | "too_large"
  | "too_many_redirects"
  | "missing_value"
  | "not_configured";

export type HttpCallResult = {
  ok: boolean;
  method: HttpMethod;
  /** The address called (never holds a secret: credentials travel in headers only). */
  url: string;
  status: number | null;
  error: HttpFailure | null;
  /** Plain-language detail of a failure, for the preview and the handoff packet. */
  detail: string;
  durationMs: number;
  /** The mapped fields (only on success). */
  fields: Record<string, FieldValue>;
};

export interface HttpCaller {
  call(input: HttpCallInput): Promise<HttpCallResult>;
}

/** One line naming the request and what went wrong: "GET https://… failed: timed out after 5 s". */
export function describeHttpCall(result: Pick<HttpCallResult, "ok" | "method" | "url" | "status" | "detail">): string {
  const target = `${result.method} ${result.url || "(no address)"}`;
  if (result.ok) return `${target} answered ${result.status}`;
  return `${target} failed: ${result.detail}`;
}

/** The output of an actor run is data: read it defensively, anything else is a failure. */
export function readHttpCallResult(output: unknown, fallback: { method: HttpMethod; detail: string }): HttpCallResult {
  const value = output as Partial<HttpCallResult> | null | undefined;
  if (!value || typeof value !== "object" || typeof value.ok !== "boolean") {
    return { ok: false, method: fallback.method, url: "", status: null, error: "network", detail: fallback.detail, durationMs: 0, fields: {} };
  }
  const fields: Record<string, FieldValue> = {};
  for (const [name, field] of Object.entries(value.fields ?? {})) if (typeof field === "string" || typeof field === "number") fields[name] = field;
  return {
    ok: value.ok,
    method: value.method ?? fallback.method,
    url: typeof value.url === "string" ? value.url : "",
    status: typeof value.status === "number" ? value.status : null,
    error: value.ok ? null : (value.error ?? "network"),
    detail: typeof value.detail === "string" ? value.detail : "",
    durationMs: typeof value.durationMs === "number" ? value.durationMs : 0,
    fields: value.ok ? fields : {},
  };
}
