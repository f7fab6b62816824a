/**
 * localStorage for the chat page, which must keep working when storage is unavailable
 * (private modes, blocked third-party storage in the widget's iframe): every call is guarded.
 * The session is kept because the widget's iframe does not get the SameSite=Lax chat cookie;
 * the outbox is kept so a message typed before the tab closed is still sent, once.
 */
import type { ConversationSession } from "./types";

const sessionKey = (slug: string) => `baton.chat.${slug}`;
const outboxKey = (conversationId: string) => `baton.outbox.${conversationId}`;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: the page still works, it only forgets on reload.
  }
}

export function readStoredSession(slug: string): ConversationSession | null {
  try {
    const value = JSON.parse(read(sessionKey(slug)) ?? "null") as Partial<ConversationSession> | null;
    if (value && typeof value.conversationId === "string" && typeof value.token === "string") return { conversationId: value.conversationId, token: value.token };
  } catch {
    // unreadable: start afresh
  }
  return null;
}

export function storeSession(slug: string, session: ConversationSession | null): void {
  write(sessionKey(slug), session ? JSON.stringify(session) : null);
}

export function readStoredOutbox(conversationId: string): string | null {
  return read(outboxKey(conversationId));
}

export function storeOutbox(conversationId: string, json: string): void {
  write(outboxKey(conversationId), json === "[]" ? null : json);
}
