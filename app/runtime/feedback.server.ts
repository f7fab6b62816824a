/**
 * Customer feedback: "did this answer help?" on a KB answer, and the CSAT rating at the end.
 * KB feedback is recorded once per message (the first answer wins, repeats are no-ops); when
 * the flow is still waiting on that answer, the feedback is also the machine's next event.
 */
import type { Engines } from "~/engines/types";
import { getEngines } from "~/engines/index.server";
import { db } from "~/utils/db.server";
import { planBotStep, type TurnPlan } from "./bot-turn.server";
import {
  commitTurn,
  readTurnState,
  withConflictRetries,
  type TurnReply,
} from "./conversation-store.server";
import { withConversationLock } from "./conversation-lock.server";
import { parseMessageMetadata, toPublicMessages } from "./messages";
import { publishConversationEvent } from "./live.server";
import { publishTurn } from "./publish.server";

export type FeedbackOutcome = { ok: true; reply: TurnReply } | { ok: false; code: "message_not_found" | "not_a_kb_answer" | "not_resolved" };

export async function submitKbFeedback(
  input: { conversationId: string; messageId: string; helpful: boolean },
  engines: Engines = getEngines(),
): Promise<FeedbackOutcome> {
  return withConversationLock(input.conversationId, () =>
    withConflictRetries(async (): Promise<FeedbackOutcome> => {
      const message = await db.message.findFirst({
        where: { id: input.messageId, conversationId: input.conversationId },
        select: { id: true, seq: true, role: true, metadata: true },
      });
      if (!message) return { ok: false, code: "message_not_found" };
      const metadata = parseMessageMetadata(message.metadata);
      if (message.role !== "bot" || !metadata.source) return { ok: false, code: "not_a_kb_answer" };
      const read = await readTurnState(input.conversationId, null);
      if (!read) return { ok: false, code: "message_not_found" };
      const { conversation, lastSeq } = read;
      if (metadata.feedback) return { ok: true, reply: { status: conversation.status, messages: [] } };

      const feedbackEvent = {
        type: "kb.feedback",
        nodeId: metadata.nodeId ?? null,
        payload: { messageId: message.id, articleId: metadata.source.articleId, slug: metadata.source.slug, helpful: input.helpful },
      };
      let plan: TurnPlan = { status: conversation.status, update: {}, messages: [], events: [] };
      // Only the latest KB answer can still be waiting for its feedback; older ones are just recorded.
      const answeredSince = await db.message.count({ where: { conversationId: conversation.id, seq: { gt: message.seq }, role: "customer" } });
      if (conversation.status === "bot" && answeredSince === 0) {
        plan = await planBotStep(conversation, { type: "kb.feedback", helpful: input.helpful }, engines, []);
      }
      const stored = await commitTurn({
        conversationId: conversation.id,
        flowId: conversation.flowId,
        readVersion: conversation.version,
        firstSeq: lastSeq + 1,
        turnId: null,
        update: plan.update,
        messages: plan.messages,
        // The flow records its own kb.feedback when it consumed the answer: count it once.
        events: plan.events.some((event) => event.type === "kb.feedback") ? plan.events : [feedbackEvent, ...plan.events],
        messageMetadataUpdates: [{ id: message.id, metadata: { ...metadata, feedback: { helpful: input.helpful, at: new Date().toISOString() } } }],
      });
      publishTurn(conversation, plan, stored);
      return { ok: true, reply: { status: plan.status, messages: toPublicMessages(stored) } };
    }),
  );
}

/**
 * CSAT 1..5, accepted once the conversation is resolved; a later rating replaces the earlier one.
 * Published after the commit so an agent looking at the conversation or the Resolved queue sees it arrive.
 */
export async function submitCsat(input: { conversationId: string; csat: number }): Promise<FeedbackOutcome> {
  const conversation = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { status: true, flowId: true, teamId: true } });
  if (!conversation || conversation.status !== "resolved") return { ok: false, code: "not_resolved" };
  await db.$transaction(async (tx) => {
    await tx.conversation.update({ where: { id: input.conversationId }, data: { csat: input.csat }, select: { id: true } });
    await tx.event.create({
      data: { conversationId: input.conversationId, flowId: conversation.flowId, type: "csat.submitted", payload: JSON.stringify({ csat: input.csat }) },
      select: { id: true },
    });
  });
  publishConversationEvent({ type: "rating", conversationId: input.conversationId, csat: input.csat, teamId: conversation.teamId }, conversation.teamId);
  return { ok: true, reply: { status: "resolved", messages: [] } };
}
