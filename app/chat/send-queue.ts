/**
 * The customer's outbox: messages typed but not yet acknowledged by the server. Pure state
 * transitions, so the retry policy is unit-tested without a browser.
 *
 * Policy: one message in flight at a time, oldest first (the customer's order is the order
 * the bot sees). A network failure, a 5xx, a 408 or a 429 is retried with the SAME
 * clientMessageId after 1 s, 2 s, 4 s … capped at 30 s (±20 % jitter, at least Retry-After),
 * and at once when the browser comes back online. The server treats a repeated id as the same
 * turn, so a retry after a reply that got lost on the way back never sends the message twice.
 * Other 4xx answers are permanent: the entry stays visible as "Not sent" with the reason.
 */
import type { ChatMessage, TurnReply } from "./types";

export const MESSAGE_MAX_LENGTH = 4000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export type OutboxState = "queued" | "sending" | "retrying" | "failed";

export type OutboxEntry = {
  clientMessageId: string;
  text: string;
  queuedAt: number;
  /** Attempts started so far. */
  attempts: number;
  state: OutboxState;
  /** Epoch ms before which the entry is not sent again. */
  nextAttemptAt: number;
  error?: string;
  /** The live stream already delivered the stored copy: the optimistic bubble steps aside. */
  echoedMessageId?: string;
};

export type SendResult =
  | { kind: "ok"; reply: TurnReply }
  | { kind: "network" }
  | { kind: "http"; status: number; retryAfterSeconds?: number; message?: string };

export type SendDecision = "ack" | "retry" | "fail" | "lost";

export function createOutboxEntry(text: string, clientMessageId: string, now: number): OutboxEntry {
  return { clientMessageId, text, queuedAt: now, attempts: 0, state: "queued", nextAttemptAt: now };
}

/** Delay before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  const jitter = 1 + (random() * 2 - 1) * 0.2;
  return Math.round(Math.min(MAX_RETRY_MS, base * jitter));
}

export function decide(result: SendResult): SendDecision {
  if (result.kind === "ok") return "ack";
  if (result.kind === "network") return "retry";
  if (result.status >= 500 || result.status === 408 || result.status === 429) return "retry";
  // The API answers 404 for a wrong token and a deleted conversation alike.
  if (result.status === 404) return "lost";
  return "fail";
}

/** The entry to send now, if any: the oldest unfinished one, when it is due and not in flight. */
export function nextToSend(entries: OutboxEntry[], now: number): OutboxEntry | null {
  const head = entries.find((entry) => entry.state !== "failed");
  if (!head || head.state === "sending" || head.nextAttemptAt > now) return null;
  return head;
}

/** When the head entry will be due (for a timer); null when nothing waits. */
export function nextWakeUp(entries: OutboxEntry[]): number | null {
  const head = entries.find((entry) => entry.state !== "failed");
  return head && head.state !== "sending" ? head.nextAttemptAt : null;
}

export function markSending(entries: OutboxEntry[], clientMessageId: string): OutboxEntry[] {
  return entries.map((entry) => (entry.clientMessageId === clientMessageId ? { ...entry, state: "sending", attempts: entry.attempts + 1, error: undefined } : entry));
}

export function applySendResult(
  entries: OutboxEntry[],
  clientMessageId: string,
  result: SendResult,
  now: number,
  random: () => number = Math.random,
): { entries: OutboxEntry[]; decision: SendDecision } {
  const decision = decide(result);
  if (decision === "ack") return { entries: entries.filter((entry) => entry.clientMessageId !== clientMessageId), decision };
  const next = entries.map((entry): OutboxEntry => {
    if (entry.clientMessageId !== clientMessageId) return entry;
    if (decision === "retry") {
      const retryAfterMs = result.kind === "http" && result.retryAfterSeconds ? result.retryAfterSeconds * 1000 : 0;
      return { ...entry, state: "retrying", nextAttemptAt: now + Math.max(retryDelayMs(entry.attempts, random), retryAfterMs) };
    }
    const message = decision === "lost" ? "This conversation is no longer available." : (result.kind === "http" && result.message) || "The message was not accepted.";
    return { ...entry, state: "failed", error: message, echoedMessageId: undefined };
  });
  return { entries: next, decision };
}

/** Back online (or "Retry now"): waiting entries are due at once. */
export function retryNow(entries: OutboxEntry[], now: number): OutboxEntry[] {
  return entries.map((entry) => (entry.state === "retrying" || entry.state === "queued" ? { ...entry, nextAttemptAt: Math.min(entry.nextAttemptAt, now) } : entry));
}

export function removeEntry(entries: OutboxEntry[], clientMessageId: string): OutboxEntry[] {
  return entries.filter((entry) => entry.clientMessageId !== clientMessageId);
}

/**
 * The live stream can deliver the stored customer message before the POST answers. The
 * earliest unacknowledged entry with the same text is that message: hide its bubble rather than
 * show the text twice. The entry itself stays until its POST is acknowledged.
 */
export function markEchoed(entries: OutboxEntry[], message: ChatMessage): OutboxEntry[] {
  if (message.role !== "customer" || entries.some((entry) => entry.echoedMessageId === message.id)) return entries;
  const index = entries.findIndex((entry) => entry.state !== "failed" && !entry.echoedMessageId && entry.text === message.text);
  if (index < 0) return entries;
  return entries.map((entry, at) => (at === index ? { ...entry, echoedMessageId: message.id } : entry));
}

export function visibleOutbox(entries: OutboxEntry[]): OutboxEntry[] {
  return entries.filter((entry) => !entry.echoedMessageId);
}

/** The outbox survives a closed tab (localStorage); whatever comes back is checked, not trusted. */
export function parseStoredOutbox(json: string | null, now: number): OutboxEntry[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): OutboxEntry[] => {
    if (typeof item !== "object" || item === null) return [];
    const { clientMessageId, text, queuedAt, attempts } = item as Record<string, unknown>;
    if (typeof clientMessageId !== "string" || clientMessageId.length < 1 || clientMessageId.length > 64) return [];
    if (typeof text !== "string" || text.trim().length === 0 || text.length > MESSAGE_MAX_LENGTH) return [];
    return [{
      clientMessageId,
      text,
      queuedAt: typeof queuedAt === "number" ? queuedAt : now,
      attempts: typeof attempts === "number" ? attempts : 0,
      state: "queued",
      nextAttemptAt: now,
    }];
  });
}

/** Only what is needed to resend: permanent failures are not resent after a reload. */
export function serializeOutbox(entries: OutboxEntry[]): string {
  const pending = entries.filter((entry) => entry.state !== "failed");
  return JSON.stringify(pending.map(({ clientMessageId, text, queuedAt, attempts }) => ({ clientMessageId, text, queuedAt, attempts })));
}
