/**
 * In-process publish/subscribe for live updates (the chat page's and the inbox's SSE streams).
 * Channels are per conversation and per team. Publish only AFTER the transaction committed, so
 * a subscriber never sees a message that is later rolled back.
 *
 * With several app instances (PostgreSQL), a relay (live-relay.server.ts) also sends what is
 * published here to the other instances, which deliver it to their own subscribers; the
 * interface (publish / subscribe → unsubscribe) stays the same either way.
 */
import { EventEmitter } from "node:events";
import type { LiveRelay } from "./live-relay.server";
import type { MessageAuthor } from "./messages";

export type LiveMessage = {
  id: string;
  seq: number;
  role: "customer" | "bot" | "agent" | "system" | "note";
  text: string;
  createdAt: string;
  choices?: string[];
  source?: { articleId: string; slug: string; title: string };
  csat?: boolean;
  author?: MessageAuthor;
};

export type LiveEvent =
  | { type: "message"; conversationId: string; message: LiveMessage }
  | { type: "status"; conversationId: string; status: string; teamId: string | null }
  /** The customer rated a resolved conversation (1..5): the agents' views show it as it arrives. */
  | { type: "rating"; conversationId: string; csat: number; teamId: string | null };

export type LiveChannel = `conversation:${string}` | `team:${string}` | "inbox";

type Listener = (event: LiveEvent) => void;

// On globalThis, the emitter and the relay: the server (app/cli/serve.ts, run by tsx) starts the
// relay, and the Remix build has its own copy of this module; both must share them.
const globalForLive = globalThis as unknown as { __batonLive?: EventEmitter; __batonLiveRelay?: LiveRelay | null };
const emitter = globalForLive.__batonLive ?? (globalForLive.__batonLive = new EventEmitter());
// One listener per open SSE stream: thousands are normal, not a leak.
emitter.setMaxListeners(0);

/** Sends every later publish to the other instances too (null: this instance alone). */
export function setLiveRelay(next: LiveRelay | null): void {
  globalForLive.__batonLiveRelay = next;
}

const currentRelay = (): LiveRelay | null => globalForLive.__batonLiveRelay ?? null;

/** Delivers to this instance's subscribers only (what the relay does with other instances' events). */
export function deliverLocally(channels: LiveChannel[], event: LiveEvent): void {
  for (const channel of channels) emitter.emit(channel, event);
}

export function publish(channel: LiveChannel, event: LiveEvent): void {
  deliverLocally([channel], event);
  currentRelay()?.forward([channel], event);
}

export function subscribe(channel: LiveChannel, listener: Listener): () => void {
  emitter.on(channel, listener);
  return () => {
    emitter.off(channel, listener);
  };
}

/** Sends a conversation's event to its own stream, its team's queue and the inbox overview. */
export function publishConversationEvent(event: LiveEvent, teamId: string | null): void {
  const channels: LiveChannel[] = [`conversation:${event.conversationId}`, ...(teamId ? [`team:${teamId}` as const] : []), "inbox"];
  deliverLocally(channels, event);
  currentRelay()?.forward(channels, event);
}

export function listenerCount(channel: LiveChannel): number {
  return emitter.listenerCount(channel);
}
