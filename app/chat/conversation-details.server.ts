/**
 * What the chat page shows beyond the public API's transcript: the team and its wait estimate,
 * the assigned agent and the author of each agent message (first name, initials, team), the CSAT already given
 * and which KB answers were already rated. Read-only; first names only, never emails.
 */
import { parseMessageMetadata } from "~/runtime/messages";
import { db } from "~/utils/db.server";
import { AGENT_RECORD_SELECT, describeAgent } from "./agent-identity.server";
import { isChatStatus, type ChatAgent, type ChatAway, type ConversationDetails } from "./types";
import { getDetectedLanguage } from "~/runtime/customer-language.server";
import { getTeamAvailability } from "~/workspace/team-availability.server";
import { estimateWaitMinutes } from "./wait-estimate";
import { getWaitEstimateMinutes } from "./wait-estimate.server";


/** Null when the conversation does not exist or belongs to another flow than `slug`. */
export async function getConversationDetails(conversationId: string, slug: string): Promise<ConversationDetails | null> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      status: true,
      csat: true,
      flow: { select: { slug: true } },
      team: { select: { id: true, slug: true, name: true } },
      contact: { select: { email: true } },
      assignee: { select: AGENT_RECORD_SELECT },
      messages: {
        where: { OR: [{ role: "agent" }, { role: "bot", metadata: { contains: '"feedback"' } }] },
        select: { id: true, role: true, metadata: true, author: { select: AGENT_RECORD_SELECT } },
      },
    },
  });
  if (!conversation || conversation.flow.slug !== slug) return null;
  const teamId = conversation.team?.id ?? null;
  const authors: Record<string, ChatAgent> = {};
  const feedback: Record<string, boolean> = {};
  for (const message of conversation.messages) {
    if (message.role === "agent") {
      const author = describeAgent(message.author, teamId);
      if (author) authors[message.id] = author;
      continue;
    }
    const recorded = parseMessageMetadata(message.metadata).feedback;
    if (recorded) feedback[message.id] = recorded.helpful;
  }
  const waiting = conversation.team && conversation.status === "waiting" ? conversation.team : null;
  const now = new Date();
  const [usualMinutes, availability] = waiting ? await Promise.all([getWaitEstimateMinutes(waiting.id, now.getTime()), getTeamAvailability(db, waiting.id, now)]) : [null, null];
  const waitMinutes = waiting ? estimateWaitMinutes(availability, usualMinutes, now.getTime()) : null;
  const away: ChatAway | null =
    availability && availability.state !== "open"
      ? { reason: availability.state, opensAt: availability.opensAt, timeZone: availability.timeZone, emailPrompt: availability.emailPrompt, contactEmail: conversation.contact?.email ?? null }
      : null;
  const language = await getDetectedLanguage(conversationId);
  return {
    status: isChatStatus(conversation.status) ? conversation.status : "waiting",
    team: conversation.team ? { slug: conversation.team.slug, name: conversation.team.name } : null,
    waitMinutes,
    away,
    assignee: describeAgent(conversation.assignee, teamId),
    csat: conversation.csat,
    authors,
    feedback,
    language,
  };
}
