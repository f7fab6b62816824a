/**
 * "Hand back to the bot": the agent returns the conversation to its flow, at the flow's end
 * node (the customer gets the closing line and the rating) or at a step the agent picks (say,
 * "ask for the order number" again). It leaves the queue: the bot has it (or it is resolved).
 * The run itself is the runtime's handBackToBot, which takes the conversation's lock; the
 * permission and status check runs inside it, on the fresh read.
 */
import { getCustomerLocale } from "~/runtime/customer-language.server";
import { getCompiledVersion } from "~/runtime/flow-versions.server";
import { handBackToBot } from "~/runtime/turn.server";
import { getNodeKind, listResumableNodes, phrasesFor, UnknownNodeError, type FlowNode } from "~/flow";
import { nameStep } from "~/flow/step-name";
import type { InboxViewer } from "./access.server";
import { refuse, type ActionOutcome, type Refusal } from "./agent-turn.server";
import { afterAgentFreed } from "./assignment.server";
import { db } from "~/utils/db.server";
import type { HandBackTarget } from "./view";
import { isPreview } from "~/vocabulary/channels";

/** The kind's label and the text the step shows the customer (its `describe`), else its id. */
const describeNode = (node: FlowNode) => nameStep(node, { idWhenNoText: true });

/** How a step of a flow version reads to an agent ("Ask for information: What's your order number?"), or null if unknown. */
export async function describeFlowStep(flowVersionId: string, nodeId: string): Promise<string | null> {
  try {
    const node = (await getCompiledVersion(flowVersionId)).document.nodes.find((candidate) => candidate.id === nodeId);
    return node ? describeNode(node) : null;
  } catch {
    return null;
  }
}

/** The steps of the conversation's pinned flow version an agent may hand back to, end nodes first. */
export async function listHandBackTargets(flowVersionId: string): Promise<HandBackTarget[]> {
  try {
    const compiled = await getCompiledVersion(flowVersionId);
    const resumable = new Set(listResumableNodes(compiled.machine));
    const targets = compiled.document.nodes
      // Handing back to a handoff step would only queue it again.
      .filter((node) => resumable.has(node.id) && getNodeKind(node.kind).role !== "handoff")
      .map((node) => ({ nodeId: node.id, label: describeNode(node), isEnd: getNodeKind(node.kind).role === "exit" }));
    return [...targets.filter((target) => target.isEnd), ...targets.filter((target) => !target.isEnd)];
  } catch {
    // A version that no longer compiles cannot take the conversation back.
    return [];
  }
}

/**
 * What the customer is told on a hand-back unless the agent rewrites it: the flow's own line as
 * its lead wrote it, else the default line in the customer's language (detected, else the flow's).
 */
export async function getHandBackLine(conversationId: string, flowVersionId: string): Promise<string> {
  const own = await getCompiledVersion(flowVersionId).then(
    (compiled) => compiled.document.settings.handBackMessage,
    () => undefined,
  );
  return own ?? phrasesFor(await getCustomerLocale(conversationId, flowVersionId)).handBack;
}

class HandBackRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export async function handBackConversation(actor: Pick<InboxViewer, "id" | "isAdmin" | "teams">, input: { conversationId: string; nodeId: string; line?: string }): Promise<ActionOutcome> {
  // Only used to offer the freed agent their next conversation: a stale value costs nothing.
  const before = await db.conversation.findUnique({ where: { id: input.conversationId }, select: { assigneeId: true } });
  try {
    const reply = await handBackToBot({
      conversationId: input.conversationId,
      nodeId: input.nodeId,
      actorId: actor.id,
      line: input.line,
      check: (conversation) => {
        if (isPreview(conversation)) throw new HandBackRefused(refuse(404, "not_found", "This conversation no longer exists."));
        if (!actor.isAdmin && !actor.teams.some((team) => team.id === conversation.teamId)) {
          throw new HandBackRefused(refuse(403, "forbidden", "This conversation is now with a team you are not in."));
        }
        if (conversation.status !== "waiting" && conversation.status !== "open") {
          throw new HandBackRefused(refuse(409, "not_active", "Only a waiting or open conversation can be handed back to the bot."));
        }
      },
    });
    if (before?.assigneeId) await afterAgentFreed(before.assigneeId);
    const notice =
      reply.status === "resolved"
        ? "Handed back: the bot closed the conversation and asked for a rating."
        : reply.status === "waiting"
          ? "Handed back, but the flow sent it straight back to a team."
          : "Handed back to the bot.";
    return { ok: true, notice };
  } catch (error) {
    if (error instanceof HandBackRefused) return error.refusal;
    if (error instanceof UnknownNodeError) return refuse(400, "unknown_node", "That step is not in this conversation's flow.", "nodeId");
    throw error;
  }
}
