/**
 * Answers two kinds of request before Remix sees them, because Remix would answer them with a
 * 500 and a stack trace in the log:
 * - a URL Remix cannot build (a malformed Host, say): 400;
 * - a cross-site POST to a page: Remix 2's own origin check THROWS an Error for it before any
 *   route's `assertSameOrigin` runs; here it gets the clean 403 page the routes would give.
 * The same-origin rule is the routes' (same-origin.server.ts), applied to the host Remix's
 * request URL will carry AND to the X-Forwarded-Host Remix compares with, so nothing Remix would
 * throw on gets through. The public chat API is exempt from the origin rule: it is token-based
 * and called from customers' sites by design.
 */
import type { Request as ExpressRequest, RequestHandler } from "express";
import { isCrossSite } from "~/auth/same-origin.server";

const PUBLIC_CHAT_API = /^\/api\/(chat|conversations)\//;

/** The URL @remix-run/express builds for `req` (its createRemixRequest), or null where that throws. */
export function remixRequestUrl(req: ExpressRequest): URL | null {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("x-forwarded-host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  } catch {
    return null;
  }
}

const REFUSED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Refused · Baton</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Request refused</h1><p>This request came from another site and was refused. Go back to Baton and try again from there.</p>
</body></html>`;

export const guardRequests: RequestHandler = (req, res, next) => {
  const url = remixRequestUrl(req);
  if (!url) {
    res.status(400).type("text/plain").send("Bad request: the address or the Host header is malformed.");
    return;
  }
  if (PUBLIC_CHAT_API.test(req.path)) return next();
  const forwardedHost = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  const hosts = forwardedHost ? [url.host, forwardedHost] : [url.host];
  if (isCrossSite({ method: req.method, header: (name) => req.get(name), hosts })) {
    res.status(403).type("html").send(REFUSED_PAGE);
    return;
  }
  next();
};
