/**
 * The questions the bot could not answer well in the last days, most frequent first: the gaps in
 * the knowledge base. Three ways a question lands here:
 *   - no answer: no article reached the KB node's minimum confidence (`kb.notFound`);
 *   - low confidence: answered, but at under LOW_CONFIDENCE (about one in four such answers is
 *     from the wrong article: the article that should answer it may be missing or unclear);
 *   - customer picked: no article reached minScore, the bot offered the closest ones and the
 *     customer picked one (`kb.answered` with `picked`): answered, but the bot was unsure;
 *   - not helpful: the customer said the answer did not help (`kb.feedback`, helpful false), the
 *     question being the one of the conversation's latest answer before it.
 * Preview runs are left out, as everywhere on the KB pages. Questions are grouped by questionKey
 * (case, spacing, end punctuation), shown as the latest customer wording. A question the support
 * lead has since added to a PUBLISHED article as an example question is left out: the bot answers
 * it now. Added to a draft only, it stays listed with that draft (`addedToDraft`) until the draft is
 * published, since until then the bot still cannot answer it. A "customer picked" group carries the
 * article picked last, which the "Add to an article…" form offers first.
 *
 * Every group is returned, in the order asked (unanswered-order.ts); `readUnansweredList` is what
 * the pages show: one page of it, with the short replies ("not sure", "ok": short-reply.server.ts)
 * counted apart unless asked for.
 */
import { questionKey } from "./article-schema";
import { listExampleQuestionKeys } from "./example-questions.server";
import { isShortReply } from "./short-reply.server";
import { orderUnanswered, RECENT_DAYS, type UnansweredOrder } from "./unanswered-order";
import { queryAll, sqlDialect } from "~/runtime/sql.server";
import { PREVIEW_CHANNEL } from "~/vocabulary/channels";

export type UnansweredReason = "noAnswer" | "lowConfidence" | "customerPicked" | "notHelpful";
export type UnansweredQuestion = {
  question: string;
  count: number;
  /** How many of `count` were asked in the last RECENT_DAYS. */
  recentCount: number;
  lastAskedAt: Date;
  /** Too short or vague to be a gap ("not sure", "ok"): counted apart on the pages. */
  shortReply: boolean;
  reasons: UnansweredReason[];
  pickedArticleId: string | null;
  /** The draft article that has it as an example question (not published yet), else null. */
  addedToDraft: { id: string; title: string } | null;
};

const WINDOW_DAYS = 30;
const SCAN_LIMIT = 2_000;
export const LOW_CONFIDENCE = 0.8;

// Served by the (type, createdAt) index; the not-helpful rows look up their answer by conversation.
const UNANSWERED_SQL = `
  SELECT e."type", e."payload", e."createdAt",
    CASE WHEN e."type" = 'kb.feedback' THEN (
      SELECT a."payload" FROM "Event" a
      WHERE a."conversationId" = e."conversationId" AND a."type" = 'kb.answered' AND a."createdAt" <= e."createdAt"
      ORDER BY a."createdAt" DESC LIMIT 1
    ) END AS "answered"
  FROM "Event" e
  WHERE e."createdAt" >= ?
    AND (e."type" = 'kb.notFound'
      OR (e."type" = 'kb.answered' AND (${sqlDialect.jsonNumber('e."payload"', "score")} < ${LOW_CONFIDENCE} OR ${sqlDialect.jsonFlag('e."payload"', "picked")} = 1))
      OR (e."type" = 'kb.feedback' AND ${sqlDialect.jsonFlag('e."payload"', "helpful")} = 0))
    AND e."conversationId" NOT IN (SELECT "id" FROM "Conversation" WHERE "channel" = '${PREVIEW_CHANNEL}')
  ORDER BY e."createdAt" DESC LIMIT ${SCAN_LIMIT}`;

type Row = { type: string; payload: string; createdAt: string; answered: string | null };

const REASONS: Record<string, UnansweredReason> = { "kb.notFound": "noAnswer", "kb.answered": "lowConfidence", "kb.feedback": "notHelpful" };

function readPayload(payload: string | null): { query: string; picked: boolean; articleId: string | null } | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as { query?: unknown; picked?: unknown; articleId?: unknown } | null;
    const query = typeof value?.query === "string" ? value.query.trim().slice(0, 300) : "";
    const articleId = typeof value?.articleId === "string" ? value.articleId : null;
    return query === "" ? null : { query, picked: value?.picked === true, articleId };
  } catch {
    return null;
  }
}

function reasonFor(row: Row, picked: boolean): UnansweredReason | undefined {
  return row.type === "kb.answered" && picked ? "customerPicked" : REASONS[row.type];
}

export async function listUnansweredQuestions(options: { now?: Date; limit?: number; order?: UnansweredOrder } = {}): Promise<UnansweredQuestion[]> {
  const now = (options.now ?? new Date()).getTime();
  const since = new Date(now - WINDOW_DAYS * 86_400_000);
  const recentSince = now - RECENT_DAYS * 86_400_000;
  const groups = new Map<string, UnansweredQuestion>();
  const [rows, examples] = await Promise.all([queryAll<Row>(UNANSWERED_SQL, [since]), listExampleQuestionKeys()]);
  for (const row of rows) {
    const read = readPayload(row.type === "kb.feedback" ? row.answered : row.payload);
    const reason = read ? reasonFor(row, read.picked) : undefined;
    if (!read || !reason) continue;
    const question = read.query;
    const key = questionKey(question);
    if (key === "" || examples.published.has(key)) continue;
    // Rows come newest first: the first picked article seen is the latest pick.
    const picked = reason === "customerPicked" ? read.articleId : null;
    const recent = new Date(row.createdAt).getTime() >= recentSince ? 1 : 0;
    const group = groups.get(key);
    if (!group) {
      const addedToDraft = examples.drafts.get(key) ?? null;
      groups.set(key, { question, count: 1, recentCount: recent, lastAskedAt: new Date(row.createdAt), shortReply: isShortReply(question), reasons: [reason], pickedArticleId: picked, addedToDraft });
    } else {
      group.count += 1;
      group.recentCount += recent;
      group.pickedArticleId ??= picked;
      if (!group.reasons.includes(reason)) group.reasons.push(reason);
    }
  }
  const ordered = orderUnanswered([...groups.values()], options.order ?? "mostAsked");
  return options.limit === undefined ? ordered : ordered.slice(0, options.limit);
}

export type UnansweredList = {
  /** The questions shown, in order. */
  questions: UnansweredQuestion[];
  /** How many questions there are to show in all (short replies included only when shown). */
  total: number;
  /** How many short replies were left out (0 when they are shown). */
  shortHidden: number;
};

/** One page of the list: the first `limit` questions in `order`, short replies left out and counted unless `includeShort`. */
export async function readUnansweredList(options: { now?: Date; order: UnansweredOrder; limit: number; includeShort: boolean }): Promise<UnansweredList> {
  const all = await listUnansweredQuestions({ now: options.now, order: options.order });
  const listed = options.includeShort ? all : all.filter((item) => !item.shortReply);
  return { questions: listed.slice(0, options.limit), total: listed.length, shortHidden: all.length - listed.length };
}

export const UNANSWERED_WINDOW_DAYS = WINDOW_DAYS;
