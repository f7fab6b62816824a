/**
 * Who may see and act on which conversation. Admins: every conversation. Agents: those of
 * their teams; a conversation still with the bot (no team yet) belongs to the flow's default
 * team, the team it would be handed to. Preview runs of drafts (channel "preview") are the
 * builder's, never the inbox's: they read as missing. An unknown or malformed id and a real one
 * outside the agent's teams get the SAME 404 (status, text and cost: one query), so an id
 * reveals nothing about whether it exists.
 */
import { z } from "zod";
import type { SessionUser } from "~/auth/guards.server";
import { queryAll, queryOne } from "~/runtime/sql.server";
import { db } from "~/utils/db.server";
import { findMoveAway, movedAwayResponse } from "./moved-away.server";
import type { MovedAway } from "./view";
import { isPreview } from "~/vocabulary/channels";
import { SqlIntegerSchema } from "~/utils/sql-integer";

export type InboxTeam = { id: string; slug: string; name: string; slaMinutes: number; assignment: string };

export type InboxViewer = {
  id: string;
  name: string;
  isAdmin: boolean;
  availability: "online" | "away";
  notifyOnHandoff: boolean;
  /** The teams whose queues this person works: an agent's memberships, every team for an admin. */
  teams: InboxTeam[];
  /** Teams the person is a member of (admins may be members too): auto-assignment and claims. */
  memberTeamIds: string[];
};

const PersonRowSchema = z.object({ availability: z.string(), notifyOnHandoff: z.union([z.boolean(), SqlIntegerSchema]).transform(Boolean) });
const TeamRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  slaMinutes: SqlIntegerSchema,
  assignment: z.string(),
  member: SqlIntegerSchema.transform((value) => value === 1),
});

/**
 * Every inbox request starts here, so it is two prepared statements on the read connection
 * (see ~/runtime/sql.server) rather than three or four ORM queries.
 */
export async function getInboxViewer(user: SessionUser): Promise<InboxViewer> {
  const person = PersonRowSchema.parse((await queryOne(`SELECT "availability", "notifyOnHandoff" FROM "User" WHERE "id" = ?`, [user.id])) ?? { availability: "away", notifyOnHandoff: 0 });
  const teams = (
    await queryAll(
    `SELECT t."id", t."slug", t."name", t."slaMinutes", t."assignment",
            EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = t."id" AND m."userId" = ?) AS "member"
       FROM "Team" t ORDER BY t."name"`,
      [user.id],
    )
  ).map((row) => TeamRowSchema.parse(row));
  const isAdmin = user.role === "admin";
  const memberTeams = teams.filter((team) => team.member);
  return {
    id: user.id,
    name: user.name,
    isAdmin,
    availability: person.availability === "away" ? "away" : "online",
    notifyOnHandoff: person.notifyOnHandoff,
    teams: (isAdmin ? teams : memberTeams).map(({ member: _member, ...team }) => team),
    memberTeamIds: memberTeams.map((team) => team.id),
  };
}

export function viewerTeamIds(viewer: InboxViewer): string[] {
  return viewer.teams.map((team) => team.id);
}

const DefaultTeamSchema = z.object({ settings: z.object({ defaultTeam: z.string().optional() }).optional() });
// Flow versions are immutable: each one's default team is parsed once per process.
const defaultTeamOfVersion = new Map<string, string | null>();

function parseDefaultTeam(document: string): string | null {
  try {
    const parsed = DefaultTeamSchema.safeParse(JSON.parse(document));
    return parsed.success ? parsed.data.settings?.defaultTeam ?? null : null;
  } catch {
    return null;
  }
}

/** The published flow versions whose default team is one of `teamSlugs` (an agent's "With the bot" scope). */
export async function flowVersionsOfTeams(teamSlugs: string[]): Promise<string[]> {
  if (teamSlugs.length === 0) return [];
  const known = [...defaultTeamOfVersion.keys()];
  const unknown = await db.flowVersion.findMany({ where: { id: { notIn: known }, number: { not: null } }, select: { id: true, document: true } });
  for (const version of unknown) defaultTeamOfVersion.set(version.id, parseDefaultTeam(version.document));
  const wanted = new Set(teamSlugs);
  return [...defaultTeamOfVersion].flatMap(([id, slug]) => (slug && wanted.has(slug) ? [id] : []));
}

export type AccessibleConversation = { id: string; teamId: string | null; status: string; flowVersionId: string; assigneeId: string | null };

export function conversationNotFound(): Response {
  return new Response("Conversation not found", { status: 404, statusText: "Not Found" });
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const AccessRowSchema = z.object({ id: z.string(), teamId: z.string().nullable(), status: z.string(), flowVersionId: z.string(), assigneeId: z.string().nullable(), channel: z.string() });

/**
 * The conversation when the viewer may open it; throws the one 404 Response otherwise, or, to one
 * who had it, the refusal that says where it went (`refuseMovedAway`: the pages' error boundary
 * reads movedAwayResponse; the composer's fetch, a JSON resource route, movedAwayReply).
 */
export async function requireConversationAccess(
  viewer: InboxViewer,
  conversationId: string | undefined,
  refuseMovedAway: (moved: MovedAway) => unknown = movedAwayResponse,
): Promise<AccessibleConversation> {
  const row =
    conversationId && ID.test(conversationId)
      ? await queryOne(`SELECT "id", "teamId", "status", "flowVersionId", "assigneeId", "channel" FROM "Conversation" WHERE "id" = ?`, [conversationId])
      : undefined;
  const conversation = row ? AccessRowSchema.parse(row) : null;
  if (!conversation || isPreview(conversation)) throw conversationNotFound();
  const { channel: _channel, ...accessible } = conversation;
  if (!(await canSee(viewer, accessible))) {
    // Those who had it open learn where it went; to anyone else it is the same 404 as no conversation.
    const moved = await findMoveAway(viewer, accessible.id);
    throw moved ? refuseMovedAway(moved) : conversationNotFound();
  }
  return accessible;
}

export async function canSee(viewer: InboxViewer, conversation: Pick<AccessibleConversation, "teamId" | "flowVersionId">): Promise<boolean> {
  if (viewer.isAdmin) return true;
  if (conversation.teamId) return viewer.teams.some((team) => team.id === conversation.teamId);
  const versions = await flowVersionsOfTeams(viewer.teams.map((team) => team.slug));
  return versions.includes(conversation.flowVersionId);
}
