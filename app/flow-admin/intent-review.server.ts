/**
 * The intent step's review list ("Messages this step wasn't sure about"): the customer messages
 * of the last 30 days that reached one intent step of one flow (any published version; preview
 * runs are the admin's own tests) and went to "Not sure" or were taken under the step's review
 * cut-off (reviewCutoff in app/nodes/intent/review.ts: its threshold, at least 80%), one row per
 * distinct message with how many times it was sent, newest first, without the ones the lead
 * dismissed for that step.
 *
 * The message text: `intent.classified` events carry the customer's words since the review list
 * exists (app/nodes/intent/behaviour.ts), so a row is read from its event alone. Older events
 * lack them; for those the conversation's last customer message at or before the event is looked
 * up by the (conversationId, seq) index — the classified message (a turn writes its messages and
 * events at one timestamp). Recording the text costs a few bytes per event and keeps the read
 * off the Message table and independent of how turns order their rows; the look-up only serves
 * history recorded before.
 *
 * The customer's pick: a message that went to "Not sure" may have been followed by "Did you
 * mean…?". The row carries the step's next event in the same conversation after it among
 * `intent.confirmed`, `intent.declined` and `intent.classified` (a reply read as a new message
 * is classified afresh; its `intent.declined` with `askedAnew` is skipped): a confirmation or a
 * decline there answered this message's offer, another classification means it had none. One
 * look-up per unsure row by the (conversationId, type, nodeId, createdAt) index, in the same
 * query; type and intent come back as one "type intent" string so it stays one look-up. It is
 * cheap (~7 ms of the busiest step's query on PostgreSQL, 874 look-ups): reading the page's
 * follow-up events in a second query and matching them in code measured slower (an IN list of
 * the page's conversations, whose own events come back too).
 *
 * Bounded: the newest SCAN_LIMIT matching events whose message was not dismissed (the Event
 * (type, createdAt) index), never a whole conversation. Preview runs are left out with NOT
 * EXISTS: SQLite looks each event's conversation up by primary key, PostgreSQL hashes the preview
 * conversations only (a join had it hash every conversation). The payload's fields are read
 * with the dialect's scanned JSON reads: PostgreSQL converting each payload to jsonb, once per
 * expression, on every candidate event (~9,000 for the busiest step) was the query's largest cost.
 *
 * Dismissals are matched on the normalised text, which SQL cannot compute, so the scan reads
 * pages of SCAN_LIMIT events, newest first, and drops dismissed ones until SCAN_LIMIT undismissed
 * events are counted: a step whose list was mostly dismissed still shows the messages behind
 * them. At most MAX_SCAN_PAGES pages, whatever was dismissed.
 * bench/intent-review.ts measures it on 100,000 conversations, no index of its own.
 */
import { z } from "zod";
import { readDraft } from "./flows.server";
import { IntentDataSchema } from "~/nodes/intent/schema";
import { foldSending, normaliseMessage, readCustomerPick, REVIEW_WINDOW_DAYS, reviewCutoff, type CustomerPick, type ReviewItem } from "~/nodes/intent/review";
import { queryAll, sqlDialect } from "~/runtime/sql.server";
import { db } from "~/utils/db.server";
import { PREVIEW_CHANNEL } from "~/vocabulary/channels";

/** Undismissed events read per step; exported for the test that fills a page with dismissed ones. */
export const SCAN_LIMIT = 2_000;
/** Pages read at most: a step whose newest 20,000 events were all dismissed shows what those left. */
const MAX_SCAN_PAGES = 10;
/** Distinct messages returned; the panel shows them 20 at a time. */
export const MAX_REVIEW_ITEMS = 100;

const payload = 'e."payload"';
const PAGE_SQL = `
  SELECT e."id", e."conversationId", e."nodeId", e."payload", e."createdAt",
    CASE WHEN ${sqlDialect.scannedJsonText(payload, "text")} IS NULL THEN (
      SELECT m."text" FROM "Message" m
      WHERE m."conversationId" = e."conversationId" AND m."role" = 'customer' AND m."createdAt" <= e."createdAt"
      ORDER BY m."seq" DESC LIMIT 1
    ) END AS "recoveredText"
  FROM "Event" e
  WHERE e."type" = 'intent.classified' AND e."createdAt" >= ? AND e."createdAt" <= ? AND e."flowId" = ? AND e."nodeId" = ?
    AND (${sqlDialect.scannedJsonText(payload, "intent")} IS NULL OR ${sqlDialect.scannedJsonNumber(payload, "confidence")} < ?)
    AND NOT EXISTS (SELECT 1 FROM "Conversation" c WHERE c."id" = e."conversationId" AND c."channel" = '${PREVIEW_CHANNEL}')
  ORDER BY e."createdAt" DESC LIMIT ${SCAN_LIMIT}`;

// The pick is looked up outside the page's query so it runs for the page's rows only: PostgreSQL
// may compute a query's columns for every candidate row before its sort and limit.
const REVIEW_SQL = `
  SELECT r."id", r."payload", r."createdAt", r."recoveredText",
    CASE WHEN ${sqlDialect.scannedJsonText('r."payload"', "intent")} IS NULL THEN (
      SELECT o."type" || ' ' || COALESCE(${sqlDialect.scannedJsonText('o."payload"', "intent")}, '') FROM "Event" o
      WHERE o."conversationId" = r."conversationId" AND o."type" IN ('intent.confirmed', 'intent.declined', 'intent.classified')
        AND o."nodeId" = r."nodeId" AND o."createdAt" > r."createdAt" AND ${sqlDialect.scannedJsonText('o."payload"', "askedAnew")} IS NULL
      ORDER BY o."createdAt" LIMIT 1
    ) END AS "nextEvent"
  FROM (${PAGE_SQL}) r
  ORDER BY r."createdAt" DESC`;

type Row = { id: string; payload: string; createdAt: string | Date; recoveredText: string | null; nextEvent: string | null };

/** The "type intent" string of the step's next event (see above) as the customer's pick. */
function pickOf(nextEvent: string | null): CustomerPick {
  if (nextEvent === null) return readCustomerPick(null);
  const space = nextEvent.indexOf(" ");
  return readCustomerPick({ type: nextEvent.slice(0, space), intent: nextEvent.slice(space + 1) || null });
}

const RankedSchema = z.object({ name: z.string(), confidence: z.number() });
const ClassifiedPayloadSchema = z.object({
  intent: z.string().nullable().catch(null),
  confidence: z.number().catch(0),
  ranked: z.array(RankedSchema).catch([]),
  text: z.string().optional().catch(undefined),
});
type ClassifiedPayload = z.infer<typeof ClassifiedPayloadSchema>;

function readPayload(json: string): ClassifiedPayload | null {
  try {
    const parsed = ClassifiedPayloadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function guessOf(verdict: ClassifiedPayload): ReviewItem["guess"] {
  const top = verdict.ranked[0];
  if (top) return { name: top.name, confidence: top.confidence };
  return verdict.intent ? { name: verdict.intent, confidence: verdict.confidence } : null;
}

/** `threshold`: the step's, as the lead's form has it (the list's cut-off follows it). */
export async function listIntentReview(input: { flowId: string; nodeId: string; threshold: number; now?: Date }): Promise<ReviewItem[]> {
  const now = input.now ?? new Date();
  const cutoff = reviewCutoff(input.threshold);
  const since = new Date(now.getTime() - REVIEW_WINDOW_DAYS * 86_400_000);
  const dismissed = await db.intentReviewDismissal.findMany({ where: { flowId: input.flowId, nodeId: input.nodeId }, select: { messageKey: true } });
  const hidden = new Set(dismissed.map((row) => row.messageKey));
  const groups = new Map<string, ReviewItem>();
  const seen = new Set<string>();
  let counted = 0;
  let until: Date = now;
  for (let page = 0; page < MAX_SCAN_PAGES && counted < SCAN_LIMIT; page += 1) {
    const rows = await queryAll<Row>(REVIEW_SQL, [since, until, input.flowId, input.nodeId, cutoff]);
    // The next page starts at this one's oldest timestamp, inclusive (events may share one):
    // rows already read are skipped by id.
    const fresh = rows.filter((row) => !seen.has(row.id));
    // Rows come newest first: a group's first row is its latest wording and verdict.
    for (const row of fresh) {
      seen.add(row.id);
      const verdict = readPayload(row.payload);
      const text = (verdict?.text ?? row.recoveredText ?? "").trim();
      const key = normaliseMessage(text);
      if (!verdict || !key || hidden.has(key)) continue;
      if ((counted += 1) > SCAN_LIMIT) break;
      const lastSeenAt = new Date(row.createdAt).toISOString();
      groups.set(key, foldSending(groups.get(key), { text, lastSeenAt, guess: guessOf(verdict), notSure: verdict.intent === null, ...pickOf(row.nextEvent) }));
    }
    if (rows.length < SCAN_LIMIT || fresh.length === 0) break;
    until = new Date(rows[rows.length - 1].createdAt);
  }
  return [...groups.values()].slice(0, MAX_REVIEW_ITEMS);
}

/** The intent step's threshold in the flow's draft (the new step's default when the draft has no such step). */
export function readDraftThreshold(draft: string, nodeId: string): number {
  const step = readDraft(draft)?.nodes.find((node) => node.id === nodeId);
  return step?.kind === "intent" ? step.data.threshold : IntentDataSchema.parse({}).threshold;
}

/** Hides a message from the step's review list for good (a second dismissal changes nothing). False when the flow is gone. */
export async function dismissIntentReviewMessage(input: { flowId: string; nodeId: string; text: string }): Promise<boolean> {
  const flow = await db.flow.findUnique({ where: { id: input.flowId }, select: { id: true } });
  if (!flow) return false;
  const messageKey = normaliseMessage(input.text);
  await db.intentReviewDismissal.upsert({
    where: { flowId_nodeId_messageKey: { flowId: flow.id, nodeId: input.nodeId, messageKey } },
    create: { flowId: flow.id, nodeId: input.nodeId, messageKey },
    update: {},
    select: { id: true },
  });
  return true;
}
