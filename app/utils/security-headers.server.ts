/**
 * The security headers of Baton's responses, in one place.
 * - Every response: X-Content-Type-Options nosniff; Referrer-Policy same-origin (full referrer
 *   inside Baton, none to other sites — not no-referrer, which would make browsers send
 *   `Origin: null` on our own POSTs and trip the same-origin check).
 * - Pages: a Content-Security-Policy whose only inline scripts are Remix's, carrying the
 *   response's nonce. Styles keep 'unsafe-inline': server-rendered `style` attributes (the canvas,
 *   the charts) need it, and a style cannot run code.
 * - Framing: refused everywhere (frame-ancestors 'none', and X-Frame-Options DENY for old
 *   browsers) except where a route says otherwise in its own `frame-ancestors`: the customer chat
 *   (`/chat/…`), whose embed mode is framed by any site deliberately (that is how the widget puts
 *   it on customers' sites). The chat's referrer policy is the browser default, so a page it links
 *   to still sees which site sent the visitor.
 */
import { randomBytes } from "node:crypto";

const EMBEDDABLE = /^\/chat\//;

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function isEmbeddablePath(pathname: string): boolean {
  return EMBEDDABLE.test(pathname);
}

/** `frameAncestors` is what the route allowed (its own CSP's frame-ancestors), else nobody. */
export function contentSecurityPolicy(nonce: string, frameAncestors = "'none'"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** The frame-ancestors a route put in its own Content-Security-Policy header, if any. */
export function routeFrameAncestors(policy: string | null): string | undefined {
  return /(?:^|;)\s*frame-ancestors ([^;]+)/.exec(policy ?? "")?.[1]?.trim();
}

/** Headers for every response, pages or not. */
export function baseSecurityHeaders(pathname: string): Record<string, string> {
  if (isEmbeddablePath(pathname)) return { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" };
  return { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" };
}
