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
import type { PublicMessage } from "./messages";

/** A message as the chat page shows it, plus its order and the agents-only internal notes. */
export type LiveMessage = Omit<PublicMessage, "role"> & { seq: number; role: PublicMessage["role"] | "note" };

export type LiveEvent =
  | { type: "message"; conversationId: string; message: LiveMessage }
  | { type: "status"; conversationId: string; status: string; teamId: string | null }
  /** The customer rated a resolved conversation (1..5): the agents' views show it as it arrives. */
  | { type: "rating"; conversationId: string; csat: number; teamId: string | null };

export type LiveChannel = `conversation:${string}` | `team:${string}` | "inbox";

type Listener = (event: LiveEvent) => void;
export type LiveEventType = LiveEvent["type"];

// On globalThis, the emitter, the narrow listeners and the relay: the server (app/cli/serve.ts,
// run by tsx) starts the relay, and the Remix build has its own copy of this module; both must share them.
const globalForLive = globalThis as unknown as {
  __batonLive?: EventEmitter;
  __batonLiveRelay?: LiveRelay | null;
  __batonLiveNarrow?: Map<LiveChannel, Array<ReadonlyArray<LiveEventType>>>;
};
const emitter = globalForLive.__batonLive ?? (globalForLive.__batonLive = new EventEmitter());
/** Per channel, the event types each listener that asked for only some of them wants. */
const narrowListeners: Map<LiveChannel, Array<ReadonlyArray<LiveEventType>>> = globalForLive.__batonLiveNarrow ?? (globalForLive.__batonLiveNarrow = new Map());
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

/**
 * `wants`: the only event types this listener handles (e.g. the inbox dispatcher: status). Saying
 * so lets an instance skip reading back the body of a message relayed from another instance
 * when no listener of its channels wants messages (see listenerCount).
 */
export function subscribe(channel: LiveChannel, listener: Listener, wants?: ReadonlyArray<LiveEventType>): () => void {
  const handler: Listener = wants
    ? (event) => {
        if (wants.includes(event.type)) listener(event);
      }
    : listener;
  emitter.on(channel, handler);
  if (wants) narrowListeners.set(channel, [...(narrowListeners.get(channel) ?? []), wants]);
  return () => {
    emitter.off(channel, handler);
    if (!wants) return;
    const remaining = (narrowListeners.get(channel) ?? []).filter((entry) => entry !== wants);
    if (remaining.length) narrowListeners.set(channel, remaining);
    else narrowListeners.delete(channel);
  };
}

/** Sends a conversation's event to its own stream, its team's queue and the inbox overview. */
export function publishConversationEvent(event: LiveEvent, teamId: string | null): void {
  const channels: LiveChannel[] = [`conversation:${event.conversationId}`, ...(teamId ? [`team:${teamId}` as const] : []), "inbox"];
  deliverLocally(channels, event);
  currentRelay()?.forward(channels, event);
}

/** Listeners on the channel; with `type`, only those that want events of that type. */
export function listenerCount(channel: LiveChannel, type?: LiveEventType): number {
  const all = emitter.listenerCount(channel);
  if (!type) return all;
  return all - (narrowListeners.get(channel) ?? []).filter((wants) => !wants.includes(type)).length;
}
