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
import { listLabelsOf } from "./labels.server";
import { byPriorityThenWait, waitingSince } from "./waiting";
import { priorityName, queueLabel, waitingTeamSlug, type QueueKey, type QueueRow, type QueueSummary } from "./queues";
import { SqlIntegerSchema } from "~/utils/sql-integer";
import { sqlRealChannel } from "~/vocabulary/channels";
import { ConversationStatusSchema } from "~/vocabulary/conversation-status";

const LIST_LIMIT = 200;

const OptionalDate = z.coerce.date().nullable();

const CountRowSchema = z.object({ teamId: z.string().nullable(), status: z.string(), awake: SqlIntegerSchema, mine: SqlIntegerSchema, total: SqlIntegerSchema, unreadMine: SqlIntegerSchema });

/** Not snoozed, or its snooze is over (times are stored as ISO text, so they compare as text). */
function awake(now: Date): Prisma.Sql {
  return Prisma.sql`(c."snoozedUntil" IS NULL OR c."snoozedUntil" <= ${now})`;
}

export type QueueOverview = { queues: QueueSummary[]; attention: number };

/** Every queue the viewer has, with counts, and the tab title's count (waiting in my teams + my unread). */
export async function getQueueOverview(viewer: InboxViewer, now = new Date()): Promise<QueueOverview> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT c."teamId", c."status", CASE WHEN ${awake(now)} THEN 1 ELSE 0 END AS "awake",
           SUM(CASE WHEN c."assigneeId" = ${viewer.id} THEN 1 ELSE 0 END) AS "mine",
           COUNT(*) AS "total",
           SUM(CASE WHEN c."assigneeId" = ${viewer.id} AND c."agentUnread" > 0 THEN 1 ELSE 0 END) AS "unreadMine"
      FROM "Conversation" c
     WHERE c."status" IN ('waiting', 'open') AND ${Prisma.raw(sqlRealChannel())}
     GROUP BY c."teamId", c."status", 3`;
  const all = rows.map((row) => CountRowSchema.parse(row));
  const mine = new Set(viewerTeamIds(viewer));
  const inView = (row: (typeof all)[number]) => (row.teamId ? mine.has(row.teamId) : viewer.isAdmin);
  const snoozed = all.filter((row) => row.awake === 0 && inView(row)).reduce((sum, row) => sum + row.total, 0);
  // Snoozed conversations count nowhere else until they wake.
  const counts = all.filter((row) => row.awake === 1);
  const visible = counts.filter(inView);
  const waitingIn = (teamId: string) => visible.filter((row) => row.teamId === teamId && row.status === "waiting").reduce((sum, row) => sum + row.total, 0);
  // Only in the viewer's teams: one moved out of a team is still the assignee of its conversations.
  const mineOpen = visible.filter((row) => row.status === "open").reduce((sum, row) => sum + row.mine, 0);
  const unreadMine = visible.reduce((sum, row) => sum + row.unreadMine, 0);
  const waitingTotal = visible.filter((row) => row.status === "waiting").reduce((sum, row) => sum + row.total, 0);
  const queues: QueueSummary[] = [
    { key: "now", label: queueLabel("now", []), count: mineOpen + waitingTotal },
    { key: "mine", label: queueLabel("mine", []), count: mineOpen },
    ...viewer.teams.map((team) => {
      const key: QueueKey = `waiting:${team.slug}`;
      return { key, label: queueLabel(key, viewer.teams), count: waitingIn(team.id), teamSlug: team.slug };
    }),
    { key: "open", label: queueLabel("open", []), count: visible.reduce((sum, row) => sum + row.total, 0) },
    { key: "resolved", label: queueLabel("resolved", []), count: null },
    { key: "bot", label: queueLabel("bot", []), count: null },
    { key: "snoozed", label: queueLabel("snoozed", []), count: snoozed },
  ];
  return { queues, attention: waitingTotal + unreadMine };
}

const ListRowSchema = z.object({
  id: z.string(),
  status: ConversationStatusSchema.catch("waiting"),
  priority: SqlIntegerSchema,
  intent: z.string().nullable(),
  escalatedAt: OptionalDate,
  resolvedAt: OptionalDate,
  csat: SqlIntegerSchema.nullable(),
  lastMessageAt: z.coerce.date(),
  agentUnread: SqlIntegerSchema,
  fields: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  teamSlug: z.string().nullable(),
  teamName: z.string().nullable(),
  slaMinutes: SqlIntegerSchema.nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  lastAgentAt: OptionalDate,
  firstUnansweredAt: OptionalDate,
  lastRole: z.string().nullable(),
  lastText: z.string().nullable(),
  snoozedUntil: OptionalDate,
});
type ListRow = z.infer<typeof ListRowSchema>;

/** Every conversation the viewer may open (see access.server.ts canSee), as a condition on `c`. */
export async function visibleToViewer(viewer: InboxViewer): Promise<Prisma.Sql> {
  if (viewer.isAdmin) return Prisma.sql`1 = 1`;
  const teamIds = viewerTeamIds(viewer);
  const versions = await flowVersionsOfTeams(viewer.teams.map((team) => team.slug));
  const inTeams = teamIds.length ? Prisma.sql`c."teamId" IN (${Prisma.join(teamIds)})` : Prisma.sql`1 = 0`;
  const withBot = versions.length ? Prisma.sql`(c."teamId" IS NULL AND c."flowVersionId" IN (${Prisma.join(versions)}))` : Prisma.sql`1 = 0`;
  return Prisma.sql`(${inTeams} OR ${withBot})`;
}

/** The conditions of one queue for this viewer; null when the viewer has no such queue. */
async function queueCondition(viewer: InboxViewer, queue: QueueKey, now: Date): Promise<Prisma.Sql | null> {
  const teamIds = viewerTeamIds(viewer);
  const inTeams = viewer.isAdmin ? Prisma.sql`1 = 1` : teamIds.length ? Prisma.sql`c."teamId" IN (${Prisma.join(teamIds)})` : Prisma.sql`1 = 0`;
  const slug = waitingTeamSlug(queue);
  if (slug !== null) {
    const team = viewer.teams.find((candidate) => candidate.slug === slug);
    return team ? Prisma.sql`c."status" = 'waiting' AND c."teamId" = ${team.id} AND ${awake(now)}` : null;
  }
  // Assigned to the viewer is not enough: an agent moved out of a team stays the assignee of its
  // open conversations, and the row would show the customer and what they said to someone the
  // conversation's page refuses. Listed only in the viewer's teams (as getQueueOverview counts).
  const assignedToViewer = Prisma.sql`(c."assigneeId" = ${viewer.id} AND ${inTeams})`;
  switch (queue) {
    case "now":
      return Prisma.sql`((c."status" = 'open' AND ${assignedToViewer}) OR (c."status" = 'waiting' AND ${inTeams})) AND ${awake(now)}`;
    case "mine":
      return Prisma.sql`c."status" = 'open' AND ${assignedToViewer} AND ${awake(now)}`;
    case "open":
      return Prisma.sql`c."status" IN ('waiting', 'open') AND ${inTeams} AND ${awake(now)}`;
    case "snoozed":
      return Prisma.sql`c."status" IN ('waiting', 'open') AND ${inTeams} AND NOT ${awake(now)}`;
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

export async function listQueue(viewer: InboxViewer, queue: QueueKey, options: { labelId?: string | null; now?: number } = {}): Promise<QueueRow[] | null> {
  const now = options.now ?? Date.now();
  const queueWhere = await queueCondition(viewer, queue, new Date(now));
  if (!queueWhere) return null;
  const condition = options.labelId
    ? Prisma.sql`${queueWhere} AND EXISTS (SELECT 1 FROM "ConversationLabel" cl WHERE cl."conversationId" = c."id" AND cl."labelId" = ${options.labelId})`
    : queueWhere;
  const order =
    queue === "resolved"
      ? Prisma.sql`c."resolvedAt" DESC`
      : queue === "bot"
        ? Prisma.sql`c."lastMessageAt" DESC`
        : Prisma.sql`c."priority" DESC, c."escalatedAt" ASC`;
  const list = await selectQueueRows(condition, order);
  if (queue === "resolved" || queue === "bot") return list;
  const byWait = byPriorityThenWait(now);
  if (queue !== "now") return list.sort(byWait);
  // What needs me now: my own conversations first, then my teams' waiting ones.
  const mineFirst = (row: QueueRow) => (row.status === "open" ? 0 : 1);
  return list.sort((a, b) => mineFirst(a) - mineFirst(b) || byWait(a, b));
}

/** Everything a list row shows, for the conversations matching `condition` (aliased `c`), at most LIST_LIMIT. */
export async function selectQueueRows(condition: Prisma.Sql, order: Prisma.Sql): Promise<QueueRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT c."id", c."status", c."priority", c."intent", c."escalatedAt", c."resolvedAt", c."csat", c."lastMessageAt", c."agentUnread", c."fields", c."snoozedUntil",
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
     WHERE ${Prisma.raw(sqlRealChannel())} AND ${condition}
     ORDER BY ${order}
     LIMIT ${LIST_LIMIT}`;
  const parsed = rows.map((row) => ListRowSchema.parse(row));
  const labels = await listLabelsOf(parsed.map((row) => row.id));
  return parsed.map((row) => toQueueRow(row, labels));
}

function toQueueRow(row: ListRow, labels: Map<string, QueueRow["labels"]>): QueueRow {
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
    snoozedUntil: row.snoozedUntil ? row.snoozedUntil.toISOString() : null,
    labels: labels.get(row.id) ?? [],
  };
}
