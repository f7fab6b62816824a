/**
 * The server side of the `http` step: builds the request from the step's settings and the
 * conversation's fields, adds the named credential, sends it through the SSRF guard and maps
 * the JSON answer to fields. It never throws: every failure is a `failed` result with a
 * plain-language detail. Nothing here logs; the flow records the call (without headers).
 *
 * A turn retried after a write conflict runs the step again: a GET is harmless; for other
 * methods the API should treat the repeated request idempotently (see README, Decisions).
 */
import type { Engines } from "~/engines/types";
import { applyResponseMapping } from "~/nodes/http/mapping";
import { buildHttpRequest } from "~/nodes/http/request";
import type { HttpCallInput, HttpCallResult, HttpCaller, HttpFailure } from "~/nodes/http/result";
import { loadHostRules } from "./allowed-hosts.server";
import { resolveCredentialHeader } from "./credentials.server";
import { HttpCallError, sendGuarded } from "./guarded-request.server";

const MAX_URL_SHOWN = 500;

async function callApi(input: HttpCallInput): Promise<HttpCallResult> {
  const started = performance.now();
  const { data } = input;
  let url = "";
  const result = (ok: boolean, status: number | null, error: HttpFailure | null, detail: string, fields = {}): HttpCallResult => ({
    ok,
    method: data.method,
    url: url.slice(0, MAX_URL_SHOWN),
    status,
    error,
    detail,
    durationMs: Math.round(performance.now() - started),
    fields,
  });
  const built = buildHttpRequest(data, input.fields);
  if (!built.ok) return result(false, null, built.error, built.detail);
  const { request } = built;
  url = request.url.href;
  let status: number | null = null;
  try {
    const headers = { ...request.headers };
    let credentialHeader: string | undefined;
    if (data.credential) {
      const credential = await resolveCredentialHeader(data.credential);
      if (!credential) return result(false, null, "unknown_credential", `there is no usable credential named “${data.credential}”`);
      headers[credential.name] = credential.value;
      credentialHeader = credential.name;
    }
    let rules;
    try {
      rules = await loadHostRules();
    } catch (error) {
      // A bad BATON_HTTP_ALLOWED_HOSTS: nothing may be called until the operator fixes it.
      return result(false, null, "not_allowed", error instanceof Error ? error.message : String(error));
    }
    const sendsBody = data.method !== "GET" && data.method !== "DELETE";
    const response = await sendGuarded({ method: request.method, url: request.url, headers, body: sendsBody ? request.body : undefined, credentialHeader }, rules, data.timeoutMs);
    status = response.status;
    if (status < 200 || status > 299) return result(false, status, "http_status", `the API answered ${status}`);
    if (data.map.length === 0) return result(true, status, null, "");
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString("utf8"));
    } catch {
      return result(false, status, "bad_json", "the answer is not JSON");
    }
    const mapped = applyResponseMapping(json, data.map);
    if (mapped.missing.length > 0) return result(false, status, "missing_value", `the answer has no value at ${mapped.missing.join(", ")}`);
    return result(true, status, null, "", mapped.fields);
  } catch (error) {
    if (error instanceof HttpCallError) return result(false, status, error.code, error.message);
    return result(false, status, "network", error instanceof Error ? error.message : String(error));
  }
}

export const httpCaller: HttpCaller = { call: callApi };

const withCaller = new WeakMap<Engines, Engines & { http: HttpCaller }>();

/** The engines plus the HTTP caller, as one stable object (compiled machines are cached by it). */
export function withHttpCaller(engines: Engines): Engines & { http: HttpCaller } {
  let services = withCaller.get(engines);
  if (!services) withCaller.set(engines, (services = { ...engines, http: httpCaller }));
  return services;
}
