/**
 * How a customer proves a conversation is theirs: `Authorization: Bearer <token>`, or the
 * cookie set when the conversation was created. Cookie decision: one cookie per flow,
 * `baton_chat_<slug>` = `<conversationId>.<token>`, httpOnly, SameSite=Lax, Path=/, 30 days —
 * so the hosted chat page of that flow resumes its conversation after a reload, and a new
 * conversation on the same flow replaces it. Any failure is the same 404 as a missing id.
 */
import { authenticateConversation } from "../conversations.server";
import type { ApiRequest } from "./request";
import { notFound } from "./responses.server";

export const CHAT_COOKIE_PREFIX = "baton_chat_";
const COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function chatCookieName(slug: string): string {
  return `${CHAT_COOKIE_PREFIX}${slug}`;
}

export function serializeChatCookie(request: ApiRequest, slug: string, conversationId: string, token: string): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `${chatCookieName(slug)}=${conversationId}.${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE_SECONDS}${secure}`;
}

/** The token presented for `conversationId`, from the Authorization header or a chat cookie. */
export function readPresentedToken(request: ApiRequest, conversationId: string): string | null {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? match[1] : null;
  }
  const cookieHeader = request.headers.get("cookie") ?? "";
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (!name.startsWith(CHAT_COOKIE_PREFIX)) continue;
    const value = safeDecode(part.slice(separator + 1).trim());
    if (value.startsWith(`${conversationId}.`)) return value.slice(conversationId.length + 1);
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The presented token when it opens the conversation; otherwise throws the 404 Response. */
export async function requireConversationToken(request: ApiRequest, conversationId: string | undefined): Promise<string> {
  if (!conversationId || conversationId.length > 64) throw notFound();
  const token = readPresentedToken(request, conversationId);
  if (!token || token.length > 128 || !(await authenticateConversation(conversationId, token))) throw notFound();
  return token;
}
