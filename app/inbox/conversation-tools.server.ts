/**
 * What the conversation view offers to do, beyond the transcript: the team's people to assign
 * (with availability and load), the teams to reassign to, the flow steps to hand back to, and
 * the team's saved replies.
 */
import { CAN_SIGN_IN } from "~/auth/can-sign-in";
import { db } from "~/utils/db.server";
import type { InboxViewer } from "./access.server";
import { getHandBackLine, listHandBackTargets } from "./hand-back.server";
import { listLabels } from "./labels.server";
import { listSavedReplies } from "./saved-replies.server";
import type { ConversationTools, TeamMember } from "./view";

export async function getConversationTools(viewer: InboxViewer, conversation: { id: string; teamId: string | null; flowVersionId: string; status: string }): Promise<ConversationTools> {
  const canAct = conversation.status !== "bot" && (viewer.isAdmin || viewer.teams.some((team) => team.id === conversation.teamId));
  if (!canAct) return { canAct, members: [], teams: [], handBackTargets: [], handBackLine: "", labels: [], savedReplies: [] };
  const [members, teams, handBackTargets, handBackLine, labels, savedReplies] = await Promise.all([
    conversation.teamId ? listTeamMembers(conversation.teamId) : [],
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listHandBackTargets(conversation.flowVersionId),
    getHandBackLine(conversation.id, conversation.flowVersionId),
    listLabels(),
    listSavedReplies(conversation.teamId ? [conversation.teamId] : []),
  ]);
  return { canAct, members, teams, handBackTargets, handBackLine, labels, savedReplies };
}

async function listTeamMembers(teamId: string): Promise<TeamMember[]> {
  const people = await db.user.findMany({
    where: { memberships: { some: { teamId } }, ...CAN_SIGN_IN },
    orderBy: { name: "asc" },
    select: { id: true, name: true, availability: true, capacity: true, _count: { select: { assigned: { where: { status: "open" } } } } },
  });
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    availability: person.availability === "away" ? "away" : "online",
    capacity: person.capacity,
    openCount: person._count.assigned,
  }));
}
