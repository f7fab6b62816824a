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
 * scratch. Reads go through the read-only connection of ~/runtime/sql.server. On PostgreSQL the
 * watermark would be an identity column instead of rowid.
 */
import { queryAll, queryOne } from "~/runtime/sql.server";
import type { ArticleUsage } from "./usage";

const PREVIEW_CHANNEL = "preview";
const KB_TYPES = "('kb.answered', 'kb.feedback')";

// `+e.type` keeps SQLite on the rowid range instead of the (type, createdAt) index.
const NEW_EVENTS_SQL = `
  SELECT e.rowid AS seq, e.type AS type, e.payload AS payload, e.conversationId AS conversationId, e.createdAt AS createdAt, c.channel AS channel
  FROM Event e JOIN Conversation c ON c.id = e.conversationId
  WHERE e.rowid > ? AND +e.type IN ${KB_TYPES}`;
// The first count reads the whole log in table order (sequential pages: faster than fetching
// each kb event through the (type, createdAt) index), and tells previews apart with one list of
// their ids rather than a join per event.
const ALL_EVENTS_SQL = `SELECT rowid AS seq, type, payload, conversationId, createdAt FROM Event WHERE +type IN ${KB_TYPES}`;
const PREVIEW_IDS_SQL = "SELECT id FROM Conversation WHERE channel = ?";
const COUNTED_SQL = `SELECT COUNT(*) AS n FROM Event WHERE type IN ${KB_TYPES} AND rowid <= ?`;

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
  if (row.channel === PREVIEW_CHANNEL) return;
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

/** The tally brought up to date with the event log (synchronous: no other request interleaves). */
function refreshTally(): Tally {
  if (tally && tally.database === process.env.DATABASE_URL) {
    const counted = queryOne<{ n: number }>(COUNTED_SQL, [tally.watermark])?.n ?? 0;
    if (Number(counted) !== tally.seen) tally = null;
  } else tally = null;
  if (tally) {
    for (const row of queryAll<EventRow>(NEW_EVENTS_SQL, [tally.watermark])) count(tally, row);
    return tally;
  }
  const fresh = emptyTally();
  const previews = new Set(queryAll<{ id: string }>(PREVIEW_IDS_SQL, [PREVIEW_CHANNEL]).map((row) => row.id));
  for (const row of queryAll<Omit<EventRow, "channel">>(ALL_EVENTS_SQL, [])) {
    count(fresh, { ...row, channel: previews.has(row.conversationId) ? PREVIEW_CHANNEL : "" });
  }
  tally = fresh;
  return fresh;
}

/** Usage per article id (articles never shown or rated are absent: read them as NO_USAGE). */
export async function getArticleUsage(options: { articleId?: string } = {}): Promise<Map<string, ArticleUsage>> {
  const current = refreshTally();
  const usage = new Map<string, ArticleUsage>();
  for (const [articleId, entry] of current.articles) {
    if (options.articleId !== undefined && options.articleId !== articleId) continue;
    usage.set(articleId, { ...entry, lastShownAt: entry.lastShownAt === null ? null : new Date(entry.lastShownAt) });
  }
  return usage;
}
