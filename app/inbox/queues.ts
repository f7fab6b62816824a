/**
 * The inbox's queues and the shapes its pages render. Client-safe (no server imports): the
 * queue pane, the list and the loaders share these names.
 *
 * Queues: "Needs me" (the default: mine, then my teams' waiting ones), "Waiting" per team
 * (escalated, nobody has it yet), "Mine" (open, assigned to me),
 * "All open" (waiting + open in my teams), "Resolved" (handled by a person, in my teams) and
 * "With the bot" (still with the bot, read-only), "Snoozed" (out of the way until a time or the
 * customer's next message). In the URL as `?queue=mine`, `?queue=waiting:support`.
 */
import { z } from "zod";
import { HandoffPrioritySchema } from "~/runtime/handoff-packet";

export type Priority = z.infer<typeof HandoffPrioritySchema>;
const PRIORITIES = HandoffPrioritySchema.options;

/** Conversation.priority is stored as 0..3 so it sorts; anything else reads as normal. */
export function priorityName(rank: number): Priority {
  return PRIORITIES[rank] ?? "normal";
}

export const FIXED_QUEUES = ["now", "mine", "open", "resolved", "bot", "snoozed"] as const;
export type FixedQueue = (typeof FIXED_QUEUES)[number];
export type QueueKey = FixedQueue | `waiting:${string}`;

export const DEFAULT_QUEUE: QueueKey = "now";

const QUEUE_LABELS: Record<FixedQueue, string> = { now: "Needs me", mine: "Mine", open: "All open", resolved: "Resolved", bot: "With the bot", snoozed: "Snoozed" };

export const QueueKeySchema = z.union([
  z.enum(FIXED_QUEUES),
  z.string().regex(/^waiting:[a-z0-9]+(-[a-z0-9]+)*$/).transform((value) => value as `waiting:${string}`),
]);

/** A queue key from the URL; unknown values fall back to the default queue. */
export function parseQueueKey(value: string | null | undefined): QueueKey {
  const parsed = QueueKeySchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : DEFAULT_QUEUE;
}

export function waitingTeamSlug(queue: QueueKey): string | null {
  return queue.startsWith("waiting:") ? queue.slice("waiting:".length) : null;
}

export function queueLabel(queue: QueueKey, teams: Array<{ slug: string; name: string }>): string {
  const slug = waitingTeamSlug(queue);
  if (slug === null) return QUEUE_LABELS[queue as FixedQueue];
  return `Waiting · ${teams.find((team) => team.slug === slug)?.name ?? slug}`;
}

export type QueueSummary = { key: QueueKey; label: string; count: number | null; teamSlug?: string };

export type QueueRow = {
  id: string;
  status: "bot" | "waiting" | "open" | "resolved";
  contactName: string | null;
  contactEmail: string | null;
  intent: string | null;
  priority: Priority;
  team: { slug: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  /** When the customer started waiting for a person (handoff, or their first unanswered line); null when nobody is waiting. */
  waitingSince: string | null;
  /** The team's first-response target in minutes (null: no SLA applies to this row). */
  slaMinutes: number | null;
  unread: number;
  lastMessage: { role: string; text: string } | null;
  lastMessageAt: string;
  resolvedAt: string | null;
  /** The customer's rating 1..5, once given. */
  csat: number | null;
  /** Until when it is snoozed; null when it is not. */
  snoozedUntil: string | null;
  labels: Array<{ id: string; name: string; color: string }>;
  /** In search results: where the words were found (a message snippet with its words marked — see search-marks.ts — or the contact). */
  match?: string | null;
};

/** The contact's display name: their name, else their email, else a stable short visitor label. */
export function contactLabel(row: { id: string; contactName: string | null; contactEmail: string | null }): string {
  return row.contactName || row.contactEmail || `Visitor ${row.id.replace(/[^A-Za-z0-9]/g, "").slice(-4).toUpperCase()}`;
}
