/**
 * The customer's pick for the review list's unsure messages (see intent-review.server.ts): for a
 * page of them, the step's next `intent.confirmed`, `intent.declined` or `intent.classified`
 * event after each message in its conversation (an `intent.declined` with `askedAnew` is skipped:
 * the reply was read as a new message and is classified afresh).
 *
 * One query per page, not one look-up per message: the candidate events of the page's
 * conversations since its oldest unsure message, by the Event (conversationId, type, nodeId,
 * createdAt) index, matched to their messages in code (next-step-event.ts). A correlated
 * subquery per row cost PostgreSQL more than the page's own query (bench/intent-review.ts).
 */
import { readCustomerPick, type CustomerPick } from "~/nodes/intent/review";
import { queryAll, sqlDialect } from "~/runtime/sql.server";
import type { EventType } from "~/vocabulary/events";
import { nextEventAfter, timelinesByConversation, type StepEvent } from "./next-step-event";

/** Conversations per query: a page has at most SCAN_LIMIT (2,000) rows, so one or two queries. */
export const CONVERSATIONS_PER_QUERY = 1_000;
/** The smallest IN list sent (see inListSize). */
const MIN_IN_LIST = 16;

const FOLLOW_UP_TYPES = ["intent.confirmed", "intent.declined", "intent.classified"] as const satisfies readonly EventType[];

/**
 * IN lists come in powers of two (padded by repeating an id), so the statement caches hold a
 * handful of these statements instead of one per page size.
 */
function inListSize(count: number): number {
  let size = MIN_IN_LIST;
  while (size < count) size *= 2;
  return Math.min(size, CONVERSATIONS_PER_QUERY);
}

// No flowId: a conversation belongs to one flow, so its id already names the flow's events.
function followUpSql(conversations: number): string {
  const list = (count: number) => Array.from({ length: count }, () => "?").join(", ");
  return `
    SELECT "conversationId", "type", ${sqlDialect.jsonText('"payload"', "intent")} AS "intent", "createdAt" FROM "Event"
    WHERE "conversationId" IN (${list(conversations)}) AND "type" IN (${list(FOLLOW_UP_TYPES.length)}) AND "nodeId" = ?
      AND "createdAt" > ? AND ${sqlDialect.jsonText('"payload"', "askedAnew")} IS NULL
    ORDER BY "createdAt", "id"`;
}

/** One unsure message of the page: its event's id, conversation and time. */
export type UnsureSending = { id: string; conversationId: string; createdAt: string | Date };

/** The step's events that may follow the sendings, in as few queries as the IN lists allow. */
async function readFollowUps(nodeId: string, sendings: UnsureSending[]): Promise<StepEvent[]> {
  const oldest = new Date(Math.min(...sendings.map((sending) => new Date(sending.createdAt).getTime())));
  const conversationIds = [...new Set(sendings.map((sending) => sending.conversationId))];
  const events: StepEvent[] = [];
  for (let start = 0; start < conversationIds.length; start += CONVERSATIONS_PER_QUERY) {
    const ids = conversationIds.slice(start, start + CONVERSATIONS_PER_QUERY);
    const size = inListSize(ids.length);
    const padded = [...ids, ...Array.from({ length: size - ids.length }, () => ids[ids.length - 1])];
    events.push(...(await queryAll<StepEvent>(followUpSql(size), [...padded, ...FOLLOW_UP_TYPES, nodeId, oldest])));
  }
  return events;
}

/** Each sending's customer pick, by its event's id (a sending with nothing after it has none). */
export async function readCustomerPicks(nodeId: string, sendings: UnsureSending[]): Promise<Map<string, CustomerPick>> {
  if (sendings.length === 0) return new Map();
  const timelines = timelinesByConversation(await readFollowUps(nodeId, sendings));
  return new Map(sendings.map((sending) => [sending.id, readCustomerPick(nextEventAfter(timelines.get(sending.conversationId), sending.createdAt))]));
}
