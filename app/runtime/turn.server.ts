/**
 * The turn engine. A customer message is one turn: read the conversation (status, snapshot,
 * version), run the pure flow step for its pinned FlowVersion (compiled machine from an LRU
 * cache), then commit the new snapshot, the customer's and the bot's messages (consecutive
 * seq, one turnId) and the events in ONE transaction whose UPDATE only matches the version
 * that was read. A stale read commits nothing and is retried from a fresh read, so concurrent
 * turns never interleave or get lost; an in-process promise chain per conversation queues
 * turns so retries stay rare. Idempotency: a clientMessageId already stored returns that
 * turn's stored reply instead of running again. Crash safety follows from the single
 * transaction: after a restart every conversation resumes from its last committed snapshot.
 * When the conversation is with a person (waiting/open) the message is only stored and pushed
 * live; a message on a resolved conversation reopens it (see reopenPlan).
 */
import { randomUUID } from "node:crypto";
import type { Engines } from "~/engines/types";
import { getEngines } from "~/engines/index.server";
import { runWithEmbeddingDeadline } from "~/engines/embedding-deadline.server";
import { db } from "~/utils/db.server";
import { planBotStep, type TurnPlan } from "./bot-turn.server";
import {
  commitTurn,
  readStoredTurn,
  readTurnState,
  readUnansweredCustomerMessage,
  withConflictRetries,
  type NewMessage,
  type StoredMessage,
  type TurnConversation,
  type TurnReply,
} from "./conversation-store.server";
import { withConversationLock } from "./conversation-lock.server";
import { getCompiledVersion } from "./flow-versions.server";
import { publishTurn } from "./publish.server";
import { ensureSqliteTuned } from "./sqlite.server";
import { toPublicMessages } from "./messages";
import { contactFillStatements } from "~/contacts/contacts.server";
import { contactDetailsOfTurn } from "~/contacts/recognise";

export type { TurnReply } from "./conversation-store.server";

export class ConversationNotFoundError extends Error {
  constructor(id: string) {
    super(`Conversation ${id} not found`);
  }
}

export async function handleCustomerMessage(
  input: { conversationId: string; clientMessageId: string; text: string },
  engines: Engines = getEngines(),
): Promise<TurnReply> {
  await ensureSqliteTuned(db);
  // One embedding deadline for the whole turn, its conflict retries included (the customer waits for all of it).
  return withConversationLock(input.conversationId, () =>
    runWithEmbeddingDeadline(() => withConflictRetries(() => attemptCustomerTurn(input, engines))),
  );
}

async function attemptCustomerTurn(
  input: { conversationId: string; clientMessageId: string; text: string },
  engines: Engines,
): Promise<TurnReply> {
  const read = await readTurnState(input.conversationId, input.clientMessageId);
  if (!read) throw new ConversationNotFoundError(input.conversationId);
  if (read.storedTurnId) return readStoredTurn(input.conversationId, read.storedTurnId);
  const { conversation, lastSeq } = read;

  const customerLine: NewMessage = { role: "customer", text: input.text, clientMessageId: input.clientMessageId, metadata: {} };
  const plan = await planCustomerTurn(conversation, customerLine, engines);
  customerLine.metadata = { turnStatus: plan.status };

  const storedMessages = await commitTurn({
    conversationId: conversation.id,
    flowId: conversation.flowId,
    readVersion: conversation.version,
    firstSeq: lastSeq + 1,
    turnId: randomUUID(),
    update: withoutUnchangedStatus(plan.update, conversation.status),
    messages: [customerLine, ...plan.messages],
    events: plan.events,
    // The name, email or phone the customer just gave, in the same transaction (a separate write
    // cost PostgreSQL four more round trips and a commit on every such turn).
    alsoWrite: contactFillStatements(conversation.id, conversation.contactId, contactDetailsOfTurn(input.text, plan.events)),
  });
  publishTurn(conversation, plan, storedMessages);
  return { status: plan.status, messages: toPublicMessages(storedMessages) };
}

/** Writing an unchanged status would still rewrite its three index entries: leave it out. */
function withoutUnchangedStatus(update: TurnPlan["update"], status: TurnConversation["status"]): TurnPlan["update"] {
  if (update.status !== status) return update;
  const { status: _unchanged, ...rest } = update;
  return rest;
}

async function planCustomerTurn(conversation: TurnConversation, customerLine: NewMessage, engines: Engines): Promise<TurnPlan> {
  // The customer's Message row is the record of the message itself: no separate event for it.
  if (conversation.status === "bot") return planBotStep(conversation, { type: "customer.message", text: customerLine.text }, engines, [customerLine]);
  if (conversation.status === "resolved") return reopenPlan(conversation, customerLine, engines);
  // With a person (waiting/open): store it, count it as unread for the agent, no bot turn; a snooze ends.
  return {
    status: conversation.status,
    update: { lastMessageAt: new Date(), agentUnread: { increment: 1 }, snoozedUntil: null },
    messages: [],
    events: [],
  };
}

/**
 * A message on a resolved conversation. If a person handled it (it was escalated), it goes back
 * to the same team's queue as `waiting` with the old packet; if the bot resolved it alone, the
 * bot starts the flow again from its start node on the same pinned version and the message is
 * the customer's first one: the flow's steps answer it (an intent step classifies it, a KB step
 * answers it). The start step's greeting is left out — greeting someone who has just asked
 * something reads as if their message was ignored; the other steps' lines are kept.
 */
async function reopenPlan(conversation: TurnConversation, customerLine: NewMessage, engines: Engines): Promise<TurnPlan> {
  const reopened = { type: "conversation.reopened", payload: { escalated: conversation.escalatedAt !== null } };
  if (conversation.escalatedAt !== null) {
    return {
      status: "waiting",
      update: { status: "waiting", resolvedAt: null, assigneeId: null, escalatedAt: new Date(), lastMessageAt: new Date(), agentUnread: { increment: 1 }, snoozedUntil: null },
      messages: [],
      events: [reopened],
    };
  }
  const restart = await planBotStep(conversation, { type: "start" }, engines, [customerLine]);
  if (restart.status !== "bot") {
    return { ...restart, update: { ...restart.update, resolvedAt: restart.status === "resolved" ? new Date() : null }, events: [reopened, ...restart.events] };
  }
  const restarted = { ...conversation, snapshot: String(restart.update.snapshot) };
  const lines = await withoutGreeting(conversation.flowVersionId, restart.messages);
  const answer = await planBotStep(restarted, { type: "customer.message", text: customerLine.text }, engines, [customerLine, ...lines]);
  return {
    status: answer.status,
    update: { resolvedAt: null, ...answer.update },
    messages: [...lines, ...answer.messages],
    events: [reopened, ...restart.events, ...answer.events],
  };
}

/** The restart's lines without the ones its start step said (the greeting). */
async function withoutGreeting(flowVersionId: string, messages: NewMessage[]): Promise<NewMessage[]> {
  const { nodeKinds } = await getCompiledVersion(flowVersionId);
  return messages.filter((message) => !(message.metadata.nodeId && nodeKinds.get(message.metadata.nodeId) === "start"));
}

/**
 * An agent hands the conversation back to the bot at a node (inbox "hand back"). `check` runs on
 * the fresh read inside the conversation's lock and may throw to refuse (e.g. it was resolved
 * meanwhile); `actorId` is recorded on the event.
 */
export async function handBackToBot(
  input: {
    conversationId: string;
    nodeId: string;
    actorId?: string;
    /** What the customer is told; the flow's hand-back line when absent. */
    line?: string;
    check?: (conversation: TurnConversation) => void;
  },
  engines: Engines = getEngines(),
): Promise<TurnReply> {
  await ensureSqliteTuned(db);
  return withConversationLock(input.conversationId, () =>
    withConflictRetries(async () => {
      const read = await readTurnState(input.conversationId, null);
      if (!read) throw new ConversationNotFoundError(input.conversationId);
      const { conversation, lastSeq } = read;
      input.check?.(conversation);
      const unanswered = await readUnansweredCustomerMessage(conversation.id);
      const plan = await planBotStep(conversation, { type: "resume", nodeId: input.nodeId, pending: unanswered?.text, line: input.line }, engines, []);
      const handedBack = { ...(input.actorId ? { by: input.actorId } : {}), ...(unanswered ? { pendingMessageId: unanswered.id } : {}) };
      const storedMessages: StoredMessage[] = await commitTurn({
        conversationId: conversation.id,
        flowId: conversation.flowId,
        readVersion: conversation.version,
        firstSeq: lastSeq + 1,
        turnId: null,
        update: plan.status === "bot" ? { ...plan.update, assigneeId: null } : plan.update,
        messages: plan.messages,
        events: [{ type: "conversation.handedBack", nodeId: input.nodeId, payload: handedBack }, ...plan.events],
      });
      publishTurn(conversation, plan, storedMessages);
      return { status: plan.status, messages: toPublicMessages(storedMessages) };
    }),
  );
}
