/**
 * The widget iframe's line to public/widget.js on the embedding page, which keeps what the chat
 * stores (the conversation's id and token, unsent messages) in the site's own, first-party
 * storage. Browsers that block or partition third-party storage (Safari's ITP, Firefox strict,
 * Chrome with third-party data blocked) would otherwise make the iframe forget the conversation on
 * every reload. It is used only where the iframe's own localStorage fails (use-chat checks once):
 * in that fallback the conversation's id and token and unsent messages sit in the site's
 * localStorage, readable by every script on the site's pages, which could then read and write that
 * one conversation (nothing else: the token opens only it). The protocol, both ways on `postMessage`:
 *   iframe → page  { type: "baton:storage-request" }
 *   page → iframe  { type: "baton:storage", entries: { [key]: value } }   (what the page keeps)
 *   iframe → page  { type: "baton:storage-set", key, value | null }        (each write)
 * The embedding page's origin comes from the iframe's `host=` parameter; every message is sent to
 * that origin only (postMessage drops it when the parent is anyone else) and only its window is
 * listened to, so a page that frames the chat under another site's name learns nothing.
 * Client-safe; parseHostOrigin also runs in the route's loader.
 */
import { z } from "zod";

export type HostStorage = { entries: ReadonlyMap<string, string>; write: (key: string, value: string | null) => void };

const EntriesMessageSchema = z.object({ type: z.literal("baton:storage"), entries: z.record(z.string(), z.string()) });

/** How long the chat waits for the page's answer before it starts without it (an older widget.js never answers). */
export const HOST_ANSWER_TIMEOUT_MS = 1_500;

/** The `host=` parameter when it is exactly a web origin (`https://shop.example`), else null. */
export function parseHostOrigin(value: string | null | undefined): string | null {
  if (!value || value.length > 300) return null;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/** Asks the embedding page for what it keeps; null when this is no iframe or the page does not answer in time. */
export function connectHost(hostOrigin: string, timeoutMs = HOST_ANSWER_TIMEOUT_MS): Promise<HostStorage | null> {
  const parent = window.parent;
  if (parent === window) return Promise.resolve(null);
  const send = (message: object) => {
    try {
      parent.postMessage(message, hostOrigin);
    } catch {
      // A detached parent: nothing to keep the data in but memory.
    }
  };
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      if (event.source !== parent || event.origin !== hostOrigin) return;
      const parsed = EntriesMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      finish({ entries: new Map(Object.entries(parsed.data.entries)), write: (key, value) => send({ type: "baton:storage-set", key, value }) });
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(result: HostStorage | null) {
      clearTimeout(timer);
      window.removeEventListener("message", listen);
      resolve(result);
    }
    window.addEventListener("message", listen);
    send({ type: "baton:storage-request" });
  });
}
