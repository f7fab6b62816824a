/**
 * Pushes a committed turn to live subscribers (chat page, inbox). Called only after commit.
 */
import type { TurnPlan } from "./bot-turn.server";
import type { StoredMessage, TurnConversation } from "./conversation-store.server";
import { publishConversationEvent, type LiveMessage } from "./live.server";
import { MessageRoleSchema, readMessageMetadata } from "./messages";

export function toLiveMessage(message: StoredMessage): LiveMessage | null {
  const role = MessageRoleSchema.safeParse(message.role);
  if (!role.success) return null;
  const metadata = readMessageMetadata(message);
  return {
    id: message.id,
    seq: message.seq,
    role: role.data,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
    ...(metadata.choices?.length ? { choices: metadata.choices } : {}),
    ...(metadata.source ? { source: metadata.source } : {}),
    ...(metadata.csat ? { csat: true } : {}),
    ...(metadata.author && role.data === "agent" ? { author: metadata.author } : {}),
  };
}

export function publishTurn(
  conversation: Pick<TurnConversation, "id" | "status" | "teamId">,
  plan: Pick<TurnPlan, "status" | "update">,
  messages: StoredMessage[],
): void {
  const updatedTeam = plan.update.teamId;
  const teamId = typeof updatedTeam === "string" || updatedTeam === null ? updatedTeam : conversation.teamId;
  for (const message of messages) {
    const live = toLiveMessage(message);
    if (live) publishConversationEvent({ type: "message", conversationId: conversation.id, message: live }, teamId);
  }
  if (plan.status !== conversation.status) {
    publishConversationEvent({ type: "status", conversationId: conversation.id, status: plan.status, teamId }, teamId);
  }
}
