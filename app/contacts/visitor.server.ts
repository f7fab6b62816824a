/**
 * The chat page's visitor cookie: a random key per browser (`baton_visitor`, httpOnly, a year),
 * so the same browser is the same contact across conversations and flows. Only its hash is
 * stored (Contact.visitorKeyHash); the key itself opens nothing for the customer.
 */
import { randomBytes } from "node:crypto";
import { hashToken } from "~/runtime/tokens.server";

export const VISITOR_COOKIE = "baton_visitor";
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const KEY = /^[A-Za-z0-9_-]{22,64}$/;

export function readVisitorKey(request: { headers: { get(name: string): string | null } }): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== VISITOR_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    return KEY.test(value) ? value : null;
  }
  return null;
}

export function newVisitorKey(): string {
  return randomBytes(18).toString("base64url");
}

export function serializeVisitorCookie(request: { url: string }, key: string): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `${VISITOR_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE_SECONDS}${secure}`;
}

export function hashVisitorKey(key: string): string {
  return hashToken(`visitor:${key}`);
}
