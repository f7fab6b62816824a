/**
 * Sends one outbound API request without letting it reach what it must not (SSRF):
 * - every host, also after each redirect, must be on the allow-list (HostRule);
 * - the address is checked AFTER DNS resolution, in the socket's own lookup, so the checked
 *   address is the one connected to (a name that resolves to 127.0.0.1, or changes its answer
 *   between a check and the connection, gets nowhere);
 * - redirects are followed by hand (3 at most), dropping the credential when the origin changes;
 * - one deadline covers lookup, connection, redirects and the whole answer, which is capped in size.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { HttpFailure } from "~/nodes/http/result";
import type { HttpMethod } from "~/nodes/http/schema";
import { findHostRule, type HostRule } from "./host-rules";
import { isPrivateAddress } from "./private-address.server";

export const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;

export class HttpCallError extends Error {
  constructor(
    readonly code: HttpFailure,
    message: string,
  ) {
    super(message);
  }
}

export type GuardedRequest = { method: HttpMethod; url: URL; headers: Record<string, string>; body?: string; credentialHeader?: string };
export type GuardedResponse = { status: number; url: URL; body: Buffer };

function blocked(hostname: string): HttpCallError {
  return new HttpCallError("blocked_address", `${hostname} points to a private or local network address, which this host is not allowed to reach`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for the socket that refuses private addresses unless the host's rule allows them. */
function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, []);
      // One private answer is enough to refuse: a name mixing public and private answers is a trick.
      if (!allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address))) return callback(blocked(hostname), []);
      if (addresses.length === 0) return callback(new HttpCallError("network", `${hostname} has no address`), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function checkTarget(url: URL, rules: HostRule[]): HostRule {
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new HttpCallError("bad_url", `${url.protocol} addresses cannot be called`);
  const rule = findHostRule(url, rules);
  if (!rule) throw new HttpCallError("not_allowed", `${url.host} is not on the list of allowed hosts`);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  // An IP literal never goes through lookup: check it here.
  if (net.isIP(literal) && !rule.allowPrivate && isPrivateAddress(literal)) throw blocked(literal);
  return rule;
}

function sendOnce(request: GuardedRequest, rule: HostRule, signal: AbortSignal): Promise<{ status: number; location: string | null; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const transport = request.url.protocol === "https:" ? https : http;
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const req = transport.request(
      request.url,
      {
        method: request.method,
        headers: { ...request.headers, ...(body ? { "Content-Length": String(body.length) } : {}) },
        lookup: guardedLookup(rule.allowPrivate) as unknown as typeof dns.lookup,
        signal,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy(new HttpCallError("too_large", `the answer is larger than ${MAX_RESPONSE_BYTES / 1024} KB`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: typeof res.headers.location === "string" ? res.headers.location : null, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function redirected(request: GuardedRequest, status: number, next: URL): GuardedRequest {
  const headers = { ...request.headers };
  // The key was meant for the first origin only.
  if (next.origin !== request.url.origin && request.credentialHeader) {
    for (const name of Object.keys(headers)) if (name.toLowerCase() === request.credentialHeader.toLowerCase()) delete headers[name];
  }
  const keepsMethod = status === 307 || status === 308 || request.method === "GET";
  if (keepsMethod) return { ...request, url: next, headers };
  for (const name of Object.keys(headers)) if (/^content-(type|length)$/i.test(name)) delete headers[name];
  return { method: "GET", url: next, headers, credentialHeader: request.credentialHeader };
}

function describeError(error: unknown, signal: AbortSignal, timeoutMs: number): HttpCallError {
  if (signal.aborted) return new HttpCallError("timeout", `no answer within ${timeoutMs / 1000} s`);
  if (error instanceof HttpCallError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new HttpCallError("network", "the host name does not exist");
  if (code === "ECONNREFUSED") return new HttpCallError("network", "the connection was refused");
  return new HttpCallError("network", `the connection failed (${code ?? (error instanceof Error ? error.message : "unknown error")})`);
}

export async function sendGuarded(first: GuardedRequest, rules: HostRule[], timeoutMs: number): Promise<GuardedResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  let request = first;
  for (let hop = 0; ; hop += 1) {
    const rule = checkTarget(request.url, rules);
    let answer;
    try {
      answer = await sendOnce(request, rule, signal);
    } catch (error) {
      throw describeError(error, signal, timeoutMs);
    }
    if (![301, 302, 303, 307, 308].includes(answer.status) || !answer.location) return { status: answer.status, url: request.url, body: answer.body };
    if (hop >= MAX_REDIRECTS) throw new HttpCallError("too_many_redirects", `more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(answer.location, request.url);
    } catch {
      throw new HttpCallError("network", "the API redirected to an invalid address");
    }
    request = redirected(request, answer.status, next);
  }
}
