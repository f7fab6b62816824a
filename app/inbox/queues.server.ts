/**
 * Queue counts and queue lists, scoped to what the viewer may see (see access.server.ts).
 * Lists are one SQL statement each: per row, the last agent reply and the first customer line
 * after it come from correlated subqueries on the (conversationId, seq) index, which is how
 * "waiting since" is known without a column to keep in sync. Preview runs never appear.
 */
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { flowVersionsOfTeams, viewerTeamIds, type InboxViewer } from "./access.server";
import { capturedContact } from "./captured-contact";
import { byPriorityThenWait, waitingSince } from "./waiting";
import { priorityName, queueLabel, waitingTeamSlug, type QueueKey, type QueueRow, type QueueSummary } from "./queues";

const LIST_LIMIT = 200;

const Integer = z.union([z.bigint(), z.number()]).transform(Number);
const OptionalDate = z.coerce.date().nullable();

const CountRowSchema = z.object({ teamId: z.string().nullable(), status: z.string(), mine: Integer, total: Integer, unreadMine: Integer });

export type QueueOverview = { queues: QueueSummary[]; attention: number };

/** Every queue the viewer has, with counts, and the tab title's count (waiting in my teams + my unread). */
export async function getQueueOverview(viewer: InboxViewer): Promise<QueueOverview> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT "teamId", "status",
           SUM(CASE WHEN "assigneeId" = ${viewer.id} THEN 1 ELSE 0 END) AS "mine",
           COUNT(*) AS "total",
           SUM(CASE WHEN "assigneeId" = ${viewer.id} AND "agentUnread" > 0 THEN 1 ELSE 0 END) AS "unreadMine"
      FROM "Conversation"
     WHERE "status" IN ('waiting', 'open') AND "channel" <> 'preview'
     GROUP BY "teamId", "status"`;
  const counts = rows.map((row) => CountRowSchema.parse(row));
  const mine = new Set(viewerTeamIds(viewer));
  const visible = counts.filter((row) => (row.teamId ? mine.has(row.teamId) : viewer.isAdmin));
  const waitingIn = (teamId: string) => visible.filter((row) => row.teamId === teamId && row.status === "waiting").reduce((sum, row) => sum + row.total, 0);
  const mineOpen = counts.filter((row) => row.status === "open").reduce((sum, row) => sum + row.mine, 0);
  const unreadMine = counts.reduce((sum, row) => sum + row.unreadMine, 0);
  const waitingTotal = visible.filter((row) => row.status === "waiting").reduce((sum, row) => sum + row.total, 0);
  const queues: QueueSummary[] = [
    { key: "mine", label: queueLabel("mine", []), count: mineOpen },
    ...viewer.teams.map((team) => {
      const key: QueueKey = `waiting:${team.slug}`;
      return { key, label: queueLabel(key, viewer.teams), count: waitingIn(team.id), teamSlug: team.slug };
    }),
    { key: "open", label: queueLabel("open", []), count: visible.reduce((sum, row) => sum + row.total, 0) },
    { key: "resolved", label: queueLabel("resolved", []), count: null },
    { key: "bot", label: queueLabel("bot", []), count: null },
  ];
  return { queues, attention: waitingTotal + unreadMine };
}

const ListRowSchema = z.object({
  id: z.string(),
  status: z.enum(["bot", "waiting", "open", "resolved"]).catch("waiting"),
  priority: Integer,
  intent: z.string().nullable(),
  escalatedAt: OptionalDate,
  resolvedAt: OptionalDate,
  csat: Integer.nullable(),
  lastMessageAt: z.coerce.date(),
  agentUnread: Integer,
  fields: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  teamSlug: z.string().nullable(),
  teamName: z.string().nullable(),
  slaMinutes: Integer.nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  lastAgentAt: OptionalDate,
  firstUnansweredAt: OptionalDate,
  lastRole: z.string().nullable(),
  lastText: z.string().nullable(),
});
type ListRow = z.infer<typeof ListRowSchema>;

/** The conditions of one queue for this viewer; null when the viewer has no such queue. */
async function queueCondition(viewer: InboxViewer, queue: QueueKey): Promise<Prisma.Sql | null> {
  const teamIds = viewerTeamIds(viewer);
  const inTeams = viewer.isAdmin ? Prisma.sql`1 = 1` : teamIds.length ? Prisma.sql`c."teamId" IN (${Prisma.join(teamIds)})` : Prisma.sql`1 = 0`;
  const slug = waitingTeamSlug(queue);
  if (slug !== null) {
    const team = viewer.teams.find((candidate) => candidate.slug === slug);
    return team ? Prisma.sql`c."status" = 'waiting' AND c."teamId" = ${team.id}` : null;
  }
  switch (queue) {
    case "mine":
      return Prisma.sql`c."status" = 'open' AND c."assigneeId" = ${viewer.id}`;
    case "open":
      return Prisma.sql`c."status" IN ('waiting', 'open') AND ${inTeams}`;
    case "resolved":
      return Prisma.sql`c."status" = 'resolved' AND c."escalatedAt" IS NOT NULL AND ${inTeams}`;
    case "bot": {
      if (viewer.isAdmin) return Prisma.sql`c."status" = 'bot'`;
      const versions = await flowVersionsOfTeams(viewer.teams.map((team) => team.slug));
      return versions.length ? Prisma.sql`c."status" = 'bot' AND c."flowVersionId" IN (${Prisma.join(versions)})` : Prisma.sql`1 = 0`;
    }
  }
  return null;
}

export async function listQueue(viewer: InboxViewer, queue: QueueKey, now = Date.now()): Promise<QueueRow[] | null> {
  const condition = await queueCondition(viewer, queue);
  if (!condition) return null;
  const order =
    queue === "resolved"
      ? Prisma.sql`c."resolvedAt" DESC`
      : queue === "bot"
        ? Prisma.sql`c."lastMessageAt" DESC`
        : Prisma.sql`c."priority" DESC, c."escalatedAt" ASC`;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT c."id", c."status", c."priority", c."intent", c."escalatedAt", c."resolvedAt", c."csat", c."lastMessageAt", c."agentUnread", c."fields",
           ct."name" AS "contactName", ct."email" AS "contactEmail",
           t."slug" AS "teamSlug", t."name" AS "teamName", t."slaMinutes" AS "slaMinutes",
           u."id" AS "assigneeId", u."name" AS "assigneeName",
           (SELECT a."createdAt" FROM "Message" a WHERE a."conversationId" = c."id" AND a."role" = 'agent' ORDER BY a."seq" DESC LIMIT 1) AS "lastAgentAt",
           (SELECT m."createdAt" FROM "Message" m WHERE m."conversationId" = c."id" AND m."role" = 'customer'
               AND m."seq" > COALESCE((SELECT MAX(a."seq") FROM "Message" a WHERE a."conversationId" = c."id" AND a."role" = 'agent'), 0)
             ORDER BY m."seq" ASC LIMIT 1) AS "firstUnansweredAt",
           (SELECT l."role" FROM "Message" l WHERE l."conversationId" = c."id" AND l."role" IN ('customer', 'bot', 'agent') ORDER BY l."seq" DESC LIMIT 1) AS "lastRole",
           (SELECT l."text" FROM "Message" l WHERE l."conversationId" = c."id" AND l."role" IN ('customer', 'bot', 'agent') ORDER BY l."seq" DESC LIMIT 1) AS "lastText"
      FROM "Conversation" c
      LEFT JOIN "Contact" ct ON ct."id" = c."contactId"
      LEFT JOIN "Team" t ON t."id" = c."teamId"
      LEFT JOIN "User" u ON u."id" = c."assigneeId"
     WHERE c."channel" <> 'preview' AND ${condition}
     ORDER BY ${order}
     LIMIT ${LIST_LIMIT}`;
  const list = rows.map((row) => toQueueRow(ListRowSchema.parse(row)));
  if (queue === "resolved" || queue === "bot") return list;
  return list.sort(byPriorityThenWait(now));
}

function toQueueRow(row: ListRow): QueueRow {
  const since = waitingSince(row);
  const captured = capturedContact(row.fields);
  return {
    id: row.id,
    status: row.status,
    contactName: row.contactName ?? captured.name,
    contactEmail: row.contactEmail ?? captured.email,
    intent: row.intent,
    priority: priorityName(row.priority),
    team: row.teamSlug && row.teamName ? { slug: row.teamSlug, name: row.teamName } : null,
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    waitingSince: since ? since.toISOString() : null,
    slaMinutes: since ? row.slaMinutes : null,
    unread: row.agentUnread,
    lastMessage: row.lastRole && row.lastText !== null ? { role: row.lastRole, text: row.lastText.slice(0, 160) } : null,
    lastMessageAt: row.lastMessageAt.toISOString(),
    resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
    csat: row.csat,
  };
}
