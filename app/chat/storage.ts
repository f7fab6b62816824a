/**
 * Where the chat page keeps the customer's conversation (id and token) and the outbox, so that a
 * reload resumes the conversation and a message typed before the tab closed is still sent, once.
 * The session is kept because the widget's iframe does not get the SameSite=Lax chat cookie.
 * Three layers, each used as far as the browser allows:
 *   - memory, for the page's life: always works;
 *   - the page's localStorage, guarded (private modes and blocked third-party storage throw);
 *   - in the widget, and only where the iframe's localStorage fails, the embedding page's own
 *     storage through widget.js (host-bridge.ts): it hands over what it keeps before the chat
 *     starts, and is told every write. Where the iframe's storage works the site is told nothing:
 *     its scripts could read the conversation's token there.
 * In the widget the page's localStorage keys carry the embedding site's origin (or `embed|` when
 * the iframe names no valid site): what the chat stored under one site is never read (and so never
 * handed) to another, nor to the top-level hosted chat page, whose keys are bare.
 */
import type { HostStorage } from "./host-bridge";
import type { ConversationSession } from "./types";

export type ChatStorage = {
  readSession: (slug: string) => ConversationSession | null;
  storeSession: (slug: string, session: ConversationSession | null) => void;
  readOutbox: (conversationId: string) => string | null;
  storeOutbox: (conversationId: string, json: string) => void;
};

const sessionKey = (slug: string) => `baton.chat.${slug}`;
const outboxKey = (conversationId: string) => `baton.outbox.${conversationId}`;

function readLocal(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage full or blocked: memory (and the embedding page, if any) still have it.
  }
}

/** Whether this page's localStorage can be written (blocked third-party storage and some private modes throw). */
export function localStorageWorks(): boolean {
  const probe = "baton.probe";
  try {
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * `embed`: this is the widget's iframe; `site`: there, the embedding page's origin (both prefix the
 * local keys); `host`: the embedding page's storage, to be passed only where localStorage fails.
 */
export function createChatStorage(options: { embed?: boolean; site?: string | null; host?: HostStorage | null } = {}): ChatStorage {
  const prefix = options.site ? `${options.site}|` : options.embed ? "embed|" : "";
  const localKey = (key: string) => prefix + key;
  const memory = new Map<string, string | null>(options.host?.entries ?? []);
  const read = (key: string) => (memory.has(key) ? (memory.get(key) ?? null) : readLocal(localKey(key)));
  const write = (key: string, value: string | null) => {
    if (read(key) === value) return;
    memory.set(key, value);
    writeLocal(localKey(key), value);
    options.host?.write(key, value);
  };
  return {
    readSession(slug) {
      try {
        const value = JSON.parse(read(sessionKey(slug)) ?? "null") as Partial<ConversationSession> | null;
        if (value && typeof value.conversationId === "string" && typeof value.token === "string") return { conversationId: value.conversationId, token: value.token };
      } catch {
        // unreadable: start afresh
      }
      return null;
    },
    storeSession: (slug, session) => write(sessionKey(slug), session ? JSON.stringify(session) : null),
    readOutbox: (conversationId) => read(outboxKey(conversationId)),
    storeOutbox: (conversationId, json) => write(outboxKey(conversationId), json === "[]" ? null : json),
  };
}
