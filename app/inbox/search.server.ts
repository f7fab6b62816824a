/**
 * Inbox search: the words an agent types, found in message text (customer, bot and agent lines
 * and internal notes) through SQLite FTS5, and in the contact (name, email, phone) and the
 * captured fields. Only conversations the agent may open are returned, best match first.
 *
 * The FTS table is filled here, not by the turn engine: each search first indexes the messages
 * written since the last one (Message rows are append-only; their rowid is the FTS rowid), so
 * a customer turn never pays for indexing and the index is never behind when someone looks.
 * On PostgreSQL the words are matched with to_tsvector / to_tsquery instead (searchMessagesPostgres).
 */
import { Prisma } from "~/generated/prisma/client";
import { runWriteTransaction } from "~/runtime/sql.server";
import { databaseKind, db } from "~/utils/db.server";
import type { InboxViewer } from "./access.server";
import { selectQueueRows, visibleToViewer } from "./queues.server";
import type { QueueRow } from "./queues";
import { sqlRealChannel } from "~/vocabulary/channels";
import { MATCH_END, MATCH_START } from "./search-marks";

const MAX_HITS = 200;
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=10, MinWords=3, FragmentDelimiter=…, MaxFragments=1`;

type MessageHit = { conversationId: string; snippet: string };
// A first search on a large database indexes in slices, so no single search stalls the writer for long.
const CATCH_UP_BATCH = 50_000;

async function catchUpIndex(): Promise<void> {
  await runWriteTransaction([
    {
      sql: `INSERT INTO "MessageSearch" ("rowid", "conversationId", "body")
            SELECT m."rowid", m."conversationId", m."text" FROM "Message" m
             WHERE m."rowid" > COALESCE((SELECT "rowid" FROM "MessageSearch" ORDER BY "rowid" DESC LIMIT 1), 0)
             ORDER BY m."rowid" LIMIT ${CATCH_UP_BATCH}`,
      params: [],
    },
  ]);
}

/** The typed words as an FTS5 query: every word must appear, each as a prefix ("refun" finds "refund"). */
export function toFtsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 12).map((word) => `"${word}"*`).join(" ") : null;
}

async function searchMessagesSqlite(query: string, visible: Prisma.Sql): Promise<MessageHit[]> {
  await catchUpIndex();
  return db.$queryRaw<MessageHit[]>`
    SELECT s."conversationId", snippet("MessageSearch", 1, ${MATCH_START}, ${MATCH_END}, '…', 10) AS "snippet"
      FROM "MessageSearch" s JOIN "Conversation" c ON c."id" = s."conversationId"
     WHERE "MessageSearch" MATCH ${query} AND ${Prisma.raw(sqlRealChannel())} AND ${visible}
     ORDER BY s.rank LIMIT 1000`;
}

/** The typed words as a PostgreSQL tsquery: every word, each as a prefix, like the FTS5 query. */
export function toTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 12).map((word) => `${word}:*`).join(" & ") : null;
}

/**
 * PostgreSQL: the same search with its own full-text functions at query time ('simple': lower
 * case, no stemming, like FTS5's unicode61), only over the conversations the agent may open.
 * No index to keep up: a GIN index on to_tsvector('simple', "text") is the step when the
 * message table grows past what a scan of the visible conversations answers quickly.
 */
async function searchMessagesPostgres(text: string, visible: Prisma.Sql): Promise<MessageHit[]> {
  const query = toTsQuery(text);
  if (!query) return [];
  return db.$queryRaw<MessageHit[]>`
    SELECT m."conversationId",
           ts_headline('simple', m."text", to_tsquery('simple', ${query}), ${HEADLINE_OPTIONS}) AS "snippet"
      FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
     WHERE to_tsvector('simple', m."text") @@ to_tsquery('simple', ${query}) AND ${Prisma.raw(sqlRealChannel())} AND ${visible}
     ORDER BY ts_rank(to_tsvector('simple', m."text"), to_tsquery('simple', ${query})) DESC LIMIT 1000`;
}

export async function searchConversations(viewer: InboxViewer, text: string): Promise<QueueRow[]> {
  const query = toFtsQuery(text);
  if (!query) return [];
  const visible = await visibleToViewer(viewer);
  const hits = databaseKind === "postgresql" ? await searchMessagesPostgres(text, visible) : await searchMessagesSqlite(query, visible);
  const like = `%${text.trim().toLowerCase().replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
  const profileHits = await db.$queryRaw<Array<{ id: string; snippet: string }>>`
    SELECT c."id", COALESCE(ct."name", ct."email", ct."phone", c."fields") AS "snippet"
      FROM "Conversation" c LEFT JOIN "Contact" ct ON ct."id" = c."contactId"
     WHERE ${Prisma.raw(sqlRealChannel())} AND ${visible}
       AND (lower(ct."name") LIKE ${like} ESCAPE '\\' OR lower(ct."email") LIKE ${like} ESCAPE '\\' OR lower(ct."phone") LIKE ${like} ESCAPE '\\' OR lower(c."fields") LIKE ${like} ESCAPE '\\')
     ORDER BY c."lastMessageAt" DESC LIMIT ${MAX_HITS}`;
  // Best first: who the customer is, then message matches by relevance; one row per conversation.
  const matches = new Map<string, string>();
  for (const hit of profileHits) if (!matches.has(hit.id)) matches.set(hit.id, `Contact: ${hit.snippet}`);
  for (const hit of hits) if (!matches.has(hit.conversationId)) matches.set(hit.conversationId, hit.snippet);
  const ids = [...matches.keys()].slice(0, MAX_HITS);
  if (ids.length === 0) return [];
  const rows = await selectQueueRows(Prisma.sql`c."id" IN (${Prisma.join(ids)}) AND ${Prisma.raw(sqlRealChannel())} AND ${visible}`, Prisma.sql`c."lastMessageAt" DESC`);
  const rank = new Map(ids.map((id, index) => [id, index]));
  return rows
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .slice(0, MAX_HITS)
    .map((row) => ({ ...row, match: matches.get(row.id) ?? null }));
}
