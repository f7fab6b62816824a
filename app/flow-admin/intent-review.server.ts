/**
 * The intent step's review list ("Messages this step wasn't sure about"): the customer messages
 * of the last 30 days that reached one intent step of one flow (any published version; preview
 * runs are the admin's own tests) and went to "Not sure" or were taken at under 80%, one row per
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
 * Bounded: the newest SCAN_LIMIT matching events (the Event (type, createdAt) index, each
 * checked against its conversation by primary key), never a whole conversation. Dismissed
 * messages are dropped after the scan (the dismissals of one step are few), so they count towards
 * SCAN_LIMIT; bench/intent-review.ts measures it on 100,000 conversations, no index of its own.
 */
import { z } from "zod";
import { normaliseMessage, REVIEW_CONFIDENCE, REVIEW_WINDOW_DAYS, type ReviewItem } from "~/nodes/intent/review";
import { queryAll, sqlDialect } from "~/runtime/sql.server";
import { db } from "~/utils/db.server";
import { sqlRealChannel } from "~/vocabulary/channels";

const SCAN_LIMIT = 2_000;
/** Distinct messages returned; the panel shows them 20 at a time. */
export const MAX_REVIEW_ITEMS = 100;

const payload = 'e."payload"';
const REVIEW_SQL = `
  SELECT e."payload", e."createdAt",
    CASE WHEN ${sqlDialect.jsonText(payload, "text")} IS NULL THEN (
      SELECT m."text" FROM "Message" m
      WHERE m."conversationId" = e."conversationId" AND m."role" = 'customer' AND m."createdAt" <= e."createdAt"
      ORDER BY m."seq" DESC LIMIT 1
    ) END AS "recoveredText"
  FROM "Event" e ${sqlDialect.leftFirstJoin()} "Conversation" c ON c."id" = e."conversationId"
  WHERE e."type" = 'intent.classified' AND e."createdAt" >= ? AND e."flowId" = ? AND e."nodeId" = ?
    AND (${sqlDialect.jsonText(payload, "intent")} IS NULL OR ${sqlDialect.jsonNumber(payload, "confidence")} < ${REVIEW_CONFIDENCE})
    AND ${sqlRealChannel("c")}
  ORDER BY e."createdAt" DESC LIMIT ${SCAN_LIMIT}`;

type Row = { payload: string; createdAt: string | Date; recoveredText: string | null };

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

export async function listIntentReview(input: { flowId: string; nodeId: string; now?: Date }): Promise<ReviewItem[]> {
  const since = new Date((input.now ?? new Date()).getTime() - REVIEW_WINDOW_DAYS * 86_400_000);
  const [rows, dismissed] = await Promise.all([
    queryAll<Row>(REVIEW_SQL, [since, input.flowId, input.nodeId]),
    db.intentReviewDismissal.findMany({ where: { flowId: input.flowId, nodeId: input.nodeId }, select: { messageKey: true } }),
  ]);
  const hidden = new Set(dismissed.map((row) => row.messageKey));
  const groups = new Map<string, ReviewItem>();
  // Rows come newest first: a group's first row is its latest wording and verdict.
  for (const row of rows) {
    const verdict = readPayload(row.payload);
    const text = (verdict?.text ?? row.recoveredText ?? "").trim();
    const key = normaliseMessage(text);
    if (!verdict || !key || hidden.has(key)) continue;
    const group = groups.get(key);
    if (group) group.count += 1;
    else {
      const lastSeenAt = new Date(row.createdAt).toISOString();
      groups.set(key, { text, count: 1, lastSeenAt, guess: guessOf(verdict), notSure: verdict.intent === null });
    }
  }
  return [...groups.values()].slice(0, MAX_REVIEW_ITEMS);
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
