/**
 * Who may see and act on which conversation. Admins: every conversation. Agents: those of
 * their teams; a conversation still with the bot (no team yet) belongs to the flow's default
 * team, the team it would be handed to. Preview runs of drafts (channel "preview") are the
 * builder's, never the inbox's: they read as missing. An unknown or malformed id is 404 and
 * costs the same one query as a real one; a real one outside the agent's teams is 403.
 */
import { z } from "zod";
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/utils/db.server";

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

const teamSelect = { id: true, slug: true, name: true, slaMinutes: true, assignment: true } as const;

export async function getInboxViewer(user: SessionUser): Promise<InboxViewer> {
  const [person, allTeams] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { availability: true, notifyOnHandoff: true, memberships: { select: { team: { select: teamSelect } } } },
    }),
    user.role === "admin" ? db.team.findMany({ orderBy: { name: "asc" }, select: teamSelect }) : null,
  ]);
  const memberTeams = person.memberships.map((membership) => membership.team).sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: user.id,
    name: user.name,
    isAdmin: user.role === "admin",
    availability: person.availability === "away" ? "away" : "online",
    notifyOnHandoff: person.notifyOnHandoff,
    teams: allTeams ?? memberTeams,
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

export function conversationForbidden(): Response {
  return new Response("This conversation belongs to a team you are not in", { status: 403, statusText: "Forbidden" });
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The conversation when the viewer may open it; throws the 404/403 Response otherwise. */
export async function requireConversationAccess(viewer: InboxViewer, conversationId: string | undefined): Promise<AccessibleConversation> {
  const conversation =
    conversationId && ID.test(conversationId)
      ? await db.conversation.findUnique({
          where: { id: conversationId },
          select: { id: true, teamId: true, status: true, flowVersionId: true, assigneeId: true, channel: true },
        })
      : null;
  if (!conversation || conversation.channel === "preview") throw conversationNotFound();
  const { channel: _channel, ...accessible } = conversation;
  if (!(await canSee(viewer, accessible))) throw conversationForbidden();
  return accessible;
}

export async function canSee(viewer: InboxViewer, conversation: Pick<AccessibleConversation, "teamId" | "flowVersionId">): Promise<boolean> {
  if (viewer.isAdmin) return true;
  if (conversation.teamId) return viewer.teams.some((team) => team.id === conversation.teamId);
  const versions = await flowVersionsOfTeams(viewer.teams.map((team) => team.slug));
  return versions.includes(conversation.flowVersionId);
}
