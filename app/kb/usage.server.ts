/**
 * How each article does with customers, from the events the runtime records: `kb.answered` (the
 * bot answered with the article) and `kb.feedback` (the customer said whether it helped). Runs of
 * the builder's preview (channel "preview") are left out: they are admins testing drafts, not
 * customers. Feedback counts once per conversation and article, the latest answer winning, because
 * a customer who types "yes" and then also clicks the card's button is one opinion, not two.
 *
 * The event log is append-only and large (bench/kb-usage.ts: reading 200,000 kb events takes
 * seconds, mostly fetching rows), so the tally is kept in memory and only the events written since
 * the last look are read, by SQLite rowid (assigned in commit order: there is one writer). Every
 * look also checks that the kb events up to that rowid are still the ones counted; when some were
 * deleted (a flow and its conversations removed) or renumbered (VACUUM), it counts again from
 * scratch. A conversation's channel is set when it starts, so an event counted as a customer's
 * stays one. Reads go through the read-only connection of ~/runtime/sql.server.
 *
 * PostgreSQL has no rowid, and with several instances writing, no id order is commit order, so
 * there every look counts the kb events again (in one query: an async read does not hold other
 * requests up while it runs). A watermark there would need a commit-ordered sequence of its own.
 */
import { databaseKind } from "~/utils/db.server";
import { queryAll, queryOne } from "~/runtime/sql.server";
import type { ArticleUsage } from "./usage";
import { isPreview } from "~/vocabulary/channels";

const KB_TYPES = "('kb.answered', 'kb.feedback')";

// In rowid order, a batch at a time: the first look after a restart reads the whole log, and
// better-sqlite3 is synchronous, so the scan yields to the event loop between batches instead of
// holding every customer's turn for seconds. `+e.type` keeps SQLite on the rowid range (sequential
// pages) instead of the (type, createdAt) index.
const BATCH = 5_000;
const EVENTS_AFTER_SQL = `
  SELECT e.rowid AS seq, e.type AS type, e.payload AS payload, e.conversationId AS conversationId, e.createdAt AS createdAt, c.channel AS channel
  FROM Event e JOIN Conversation c ON c.id = e.conversationId
  WHERE e.rowid > ? AND +e.type IN ${KB_TYPES}
  ORDER BY e.rowid
  LIMIT ${BATCH}`;
const COUNTED_SQL = `SELECT COUNT(*) AS n FROM Event WHERE type IN ${KB_TYPES} AND rowid <= ?`;
const ALL_EVENTS_POSTGRES_SQL = `
  SELECT e."type", e."payload", e."conversationId", e."createdAt", c."channel"
  FROM "Event" e JOIN "Conversation" c ON c."id" = e."conversationId"
  WHERE e."type" IN ${KB_TYPES}
  ORDER BY e."createdAt", e."id"`;

type EventRow = { seq: number; type: string; payload: string; conversationId: string; createdAt: string; channel: string };
type Rating = { helpful: boolean; at: string; seq: number };

type Tally = {
  database: string | undefined;
  watermark: number;
  /** kb events with rowid <= watermark, previews and unreadable payloads included. */
  seen: number;
  /** Per article: answers shown, the latest one, and the ratings that are each conversation's latest. */
  articles: Map<string, { shown: number; lastShownAt: string | null; helpful: number; notHelpful: number }>;
  /** The latest rating per conversation and article. */
  ratings: Map<string, Rating>;
};

let tally: Tally | null = null;

function emptyTally(): Tally {
  return { database: process.env.DATABASE_URL, watermark: 0, seen: 0, articles: new Map(), ratings: new Map() };
}

function readPayload(payload: string): { articleId: string; helpful?: boolean } | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (!value || typeof value !== "object") return null;
    const { articleId, helpful } = value as Record<string, unknown>;
    if (typeof articleId !== "string" || articleId === "") return null;
    return { articleId, helpful: typeof helpful === "boolean" ? helpful : undefined };
  } catch {
    return null;
  }
}

function count(current: Tally, row: EventRow): void {
  current.seen += 1;
  current.watermark = Math.max(current.watermark, row.seq);
  if (isPreview(row)) return;
  const payload = readPayload(row.payload);
  if (!payload) return;
  const article = articleEntry(current, payload.articleId);
  if (row.type === "kb.answered") {
    article.shown += 1;
    if (article.lastShownAt === null || row.createdAt > article.lastShownAt) article.lastShownAt = row.createdAt;
  } else if (payload.helpful !== undefined) {
    const key = `${row.conversationId}\u0000${payload.articleId}`;
    const previous = current.ratings.get(key);
    if (previous && (row.createdAt < previous.at || (row.createdAt === previous.at && row.seq < previous.seq))) return;
    if (previous) {
      if (previous.helpful) article.helpful -= 1;
      else article.notHelpful -= 1;
    }
    if (payload.helpful) article.helpful += 1;
    else article.notHelpful += 1;
    current.ratings.set(key, { helpful: payload.helpful, at: row.createdAt, seq: row.seq });
  }
}

function articleEntry(current: Tally, articleId: string) {
  let entry = current.articles.get(articleId);
  if (!entry) current.articles.set(articleId, (entry = { shown: 0, lastShownAt: null, helpful: 0, notHelpful: 0 }));
  return entry;
}

let refreshing: Promise<Tally> | null = null;

/** The tally brought up to date with the event log; concurrent callers share one refresh. */
function refreshTally(): Promise<Tally> {
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refresh(): Promise<Tally> {
  if (databaseKind === "postgresql") return countAllPostgres();
  const stale = !tally || tally.database !== process.env.DATABASE_URL || Number((await queryOne<{ n: number }>(COUNTED_SQL, [tally.watermark]))?.n ?? 0) !== tally.seen;
  if (stale || !tally) tally = emptyTally();
  const current = tally;
  for (;;) {
    const rows = await queryAll<EventRow>(EVENTS_AFTER_SQL, [current.watermark]);
    for (const row of rows) count(current, row);
    if (rows.length < BATCH) return current;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function countAllPostgres(): Promise<Tally> {
  const current = emptyTally();
  const rows = await queryAll<Omit<EventRow, "seq">>(ALL_EVENTS_POSTGRES_SQL, []);
  rows.forEach((row, index) => count(current, { ...row, seq: index + 1 }));
  return current;
}

/** Usage per article id (articles never shown or rated are absent: read them as NO_USAGE). */
export async function getArticleUsage(options: { articleId?: string } = {}): Promise<Map<string, ArticleUsage>> {
  const current = await refreshTally();
  const usage = new Map<string, ArticleUsage>();
  for (const [articleId, entry] of current.articles) {
    if (options.articleId !== undefined && options.articleId !== articleId) continue;
    usage.set(articleId, { ...entry, lastShownAt: entry.lastShownAt === null ? null : new Date(entry.lastShownAt) });
  }
  return usage;
}
