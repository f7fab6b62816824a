/**
 * CSRF defence for every signed-in mutation, on top of the SameSite=Lax session cookie: a
 * state-changing request must come from one of our own pages. Browsers send `Origin` (and
 * `Sec-Fetch-Site`) on every POST, so a form or fetch from another site is refused here even
 * where SameSite does not apply (a same-site sibling subdomain, an old browser). Requests with
 * neither header (curl, server-to-server) cannot carry a victim's cookie by accident and pass.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What the rule needs to know about a request; `hosts` are the host names it must match, all of them. */
export type RequestFacts = { method: string; header(name: string): string | null | undefined; hosts: string[] };

export function isCrossSite({ method, header, hosts }: RequestFacts): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const fetchSite = header("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = header("origin");
  if (!origin) return false;
  // "null" is what sandboxed frames and some redirects send: never one of our pages.
  if (origin === "null") return true;
  // Hosts, not origins: behind a TLS-terminating proxy the server sees http:// while the
  // browser's Origin says https://. A malformed Origin matches nothing.
  const originHost = hostOf(origin);
  return originHost === null || hosts.some((host) => host !== originHost);
}

export function isCrossOriginMutation(request: Request): boolean {
  return isCrossSite({ method: request.method, header: (name) => request.headers.get(name), hosts: [new URL(request.url).host] });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function assertSameOrigin(request: Request): void {
  if (isCrossOriginMutation(request)) {
    throw new Response("This request came from another site and was refused.", { status: 403, statusText: "Forbidden" });
  }
}
