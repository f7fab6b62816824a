/**
 * In-process publish/subscribe for live updates (the chat page's and the inbox's SSE streams).
 * Channels are per conversation and per team. Publish only AFTER the transaction committed, so
 * a subscriber never sees a message that is later rolled back.
 *
 * Scale path: with several app instances on PostgreSQL, `publish` becomes `NOTIFY baton, <json>`
 * and one `LISTEN baton` connection per instance re-emits into this emitter; the interface
 * (publish / subscribe → unsubscribe) stays the same, which is why it is kept this small.
 */
import { EventEmitter } from "node:events";

export type LiveMessage = {
  id: string;
  seq: number;
  role: "customer" | "bot" | "agent" | "system" | "note";
  text: string;
  createdAt: string;
  choices?: string[];
  source?: { articleId: string; slug: string; title: string };
  csat?: boolean;
};

export type LiveEvent =
  | { type: "message"; conversationId: string; message: LiveMessage }
  | { type: "status"; conversationId: string; status: string; teamId: string | null }
  /** The customer rated a resolved conversation (1..5): the agents' views show it as it arrives. */
  | { type: "rating"; conversationId: string; csat: number; teamId: string | null };

export type LiveChannel = `conversation:${string}` | `team:${string}` | "inbox";

type Listener = (event: LiveEvent) => void;

const globalForLive = globalThis as unknown as { __batonLive?: EventEmitter };
const emitter = globalForLive.__batonLive ?? (globalForLive.__batonLive = new EventEmitter());
// One listener per open SSE stream: thousands are normal, not a leak.
emitter.setMaxListeners(0);

export function publish(channel: LiveChannel, event: LiveEvent): void {
  emitter.emit(channel, event);
}

export function subscribe(channel: LiveChannel, listener: Listener): () => void {
  emitter.on(channel, listener);
  return () => {
    emitter.off(channel, listener);
  };
}

/** Sends a conversation's event to its own stream, its team's queue and the inbox overview. */
export function publishConversationEvent(event: LiveEvent, teamId: string | null): void {
  publish(`conversation:${event.conversationId}`, event);
  if (teamId) publish(`team:${teamId}`, event);
  publish("inbox", event);
}

export function listenerCount(channel: LiveChannel): number {
  return emitter.listenerCount(channel);
}
