/**
 * What the chat page shows beyond the public API's transcript: the team and its wait estimate,
 * the assigned agent's first name, agent first names on their messages, the CSAT already given
 * and which KB answers were already rated. Read-only; first names only, never emails.
 */
import { parseMessageMetadata } from "~/runtime/messages";
import { db } from "~/utils/db.server";
import { isChatStatus, type ConversationDetails } from "./types";
import { getWaitEstimateMinutes } from "./wait-estimate.server";

export function firstName(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/** Null when the conversation does not exist or belongs to another flow than `slug`. */
export async function getConversationDetails(conversationId: string, slug: string): Promise<ConversationDetails | null> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      status: true,
      csat: true,
      flow: { select: { slug: true } },
      team: { select: { id: true, slug: true, name: true } },
      assignee: { select: { name: true } },
      messages: {
        where: { OR: [{ role: "agent" }, { role: "bot", metadata: { contains: '"feedback"' } }] },
        select: { id: true, role: true, metadata: true, author: { select: { name: true } } },
      },
    },
  });
  if (!conversation || conversation.flow.slug !== slug) return null;
  const authorNames: Record<string, string> = {};
  const feedback: Record<string, boolean> = {};
  for (const message of conversation.messages) {
    if (message.role === "agent") {
      const name = firstName(message.author?.name);
      if (name) authorNames[message.id] = name;
      continue;
    }
    const recorded = parseMessageMetadata(message.metadata).feedback;
    if (recorded) feedback[message.id] = recorded.helpful;
  }
  const waitMinutes = conversation.team && conversation.status === "waiting" ? await getWaitEstimateMinutes(conversation.team.id) : null;
  return {
    status: isChatStatus(conversation.status) ? conversation.status : "waiting",
    team: conversation.team ? { slug: conversation.team.slug, name: conversation.team.name } : null,
    waitMinutes,
    assigneeName: firstName(conversation.assignee?.name),
    csat: conversation.csat,
    authorNames,
    feedback,
  };
}
