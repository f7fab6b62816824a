/**
 * Runs the pure flow engine for one step and turns its result into a plan for the turn's
 * transaction (conversation update, messages, events). Never throws for flow or engine
 * failures: those become a handoff with trigger "error", so the customer gets a person, not a 500.
 */
import { runWithEmbeddingDeadline, withWordsOnlyNotes } from "~/engines/embedding-deadline.server";
import type { Engines } from "~/engines/types";
import { phrasesFor, resumeAt, runTurn, startConversation, UnknownNodeError, type FlowNode, type HandoffRequest, type NodeKind, type TurnResult } from "~/flow";
import { z } from "zod";
import { installRe2Patterns } from "~/nodes/shared/pattern-match.server";
import { withHttpCaller } from "~/integrations/http-caller.server";
import { db } from "~/utils/db.server";
import type { NewEvent, NewMessage, TurnConversation } from "./conversation-store.server";
import { getDetectedLanguage } from "./customer-language.server";
import { getCompiledVersion } from "./flow-versions.server";
import { describeHandoffCause } from "./handoff-cause";
import { planHandoff, withHandoffEvent } from "./handoff.server";
import type { MessageMetadata } from "./messages";
import type { SqlAssignment } from "./sql.server";
import type { ConversationStatus } from "~/vocabulary/conversation-status";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

// Every flow this module runs matches its patterns in RE2 (see ~/nodes/shared/pattern.ts).
installRe2Patterns();

export type BotInput =
  | { type: "start"; fields?: Record<string, string> }
  | { type: "customer.message"; text: string }
  | { type: "kb.feedback"; helpful: boolean }
  /** `pending`: the customer's last unanswered message; `line`: what the customer is told (the flow's hand-back line when absent). */
  | { type: "resume"; nodeId: string; pending?: string; line?: string };

export type TurnPlan = {
  status: ConversationStatus;
  update: Record<string, SqlAssignment>;
  messages: NewMessage[];
  events: NewEvent[];
};

type PlanConversation = Pick<TurnConversation, "id" | "flowVersionId" | "contactId" | "channel" | "page" | "snapshot" | "escalatedAt">;

/**
 * One flow step within the turn's embedding deadline (embedding-deadline.server.ts): a step that
 * needs a sentence vector waits for it at most until then and otherwise decides on words alone,
 * noted on its result. A turn that runs two steps (a reopened conversation) shares one deadline.
 */
export function planBotStep(
  conversation: PlanConversation,
  input: BotInput,
  engines: Engines,
  /** Messages of this turn that precede the bot's (the customer's line), for the handoff transcript. */
  leadingMessages: NewMessage[],
): Promise<TurnPlan> {
  return runWithEmbeddingDeadline(() => planStep(conversation, input, withWordsOnlyNotes(engines), leadingMessages));
}

async function planStep(conversation: PlanConversation, input: BotInput, engines: Engines, leadingMessages: NewMessage[]): Promise<TurnPlan> {
  let nodeKinds = new Map<string, NodeKind>();
  let result: TurnResult;
  let locale: string | undefined;
  let leadingLines: NewMessage[] = [];
  let nodes: FlowNode[];
  try {
    const compiled = await getCompiledVersion(conversation.flowVersionId);
    nodeKinds = compiled.nodeKinds;
    nodes = compiled.document.nodes;
    locale = compiled.document.settings.locale;
    const services = withHttpCaller(engines);
    if (input.type === "start") {
      result = await startConversation(compiled.machine, services, { fields: input.fields });
    } else {
      // Checked by the flow engine before it restores anything (an unreadable one hands off).
      const snapshot: unknown = JSON.parse(conversation.snapshot ?? "null");
      if (input.type === "resume") {
        result = await resumeAt(compiled.machine, services, snapshot, input.nodeId, { pending: input.pending });
        const line = input.line?.trim() || compiled.document.settings.handBackMessage || phrasesFor((await getDetectedLanguage(conversation.id)) ?? locale).handBack;
        leadingLines = [{ role: "system", text: line, metadata: {} }];
      } else {
        result = await runTurn(compiled.machine, services, snapshot, input);
      }
    }
  } catch (error) {
    // An agent asked to resume at a node the flow does not have: their mistake, not the customer's.
    if (error instanceof UnknownNodeError) throw error;
    return planErrorHandoff(conversation, error, engines, leadingMessages, nodeKinds);
  }
  const messages: NewMessage[] = [...leadingLines, ...result.messages.map((message) => ({
    role: message.role,
    text: message.text,
    metadata: compactMetadata({ choices: message.choices, source: message.source, confidence: message.confidence, csat: message.csat, nodeId: message.nodeId, offered: message.offered, picked: message.picked, offeredIntents: message.offeredIntents }),
  }))];
  const events: NewEvent[] = result.events.map((event) => ({ type: event.type, nodeId: event.nodeId ?? null, payload: event.payload }));
  const update: Record<string, SqlAssignment> = {
    snapshot: JSON.stringify(result.snapshot),
    fields: JSON.stringify(result.state.fields),
    intent: result.state.intent?.name ?? null,
    confidence: result.state.intent?.confidence ?? null,
    lastMessageAt: new Date(),
  };
  if (result.status === "handoff") {
    const request = result.handoff ?? fallbackRequest("The flow handed off without naming a team");
    const cause =
      request.trigger === "node" && request.nodeId ? describeHandoffCause({ escalateNodeId: request.nodeId, nodes, events: result.events, state: result.state }) : null;
    const handoff = await planHandoff({
      conversation,
      request,
      cause,
      state: result.state,
      nodeKinds,
      // The notice is in the customer's language once a "Detect language" step told it.
      locale: (await getDetectedLanguage(conversation.id, result.events)) ?? locale,
      newMessages: [...leadingMessages, ...messages],
      newEvents: events,
      engines,
    });
    return {
      status: "waiting",
      update: { ...update, ...handoff.update, resolvedAt: null, assigneeId: null },
      messages: handoff.notice ? [...messages, handoff.notice] : messages,
      events: withHandoffEvent([...events, ...handoff.fallbackEvents], handoff.event),
    };
  }
  if (result.status === "ended") {
    return {
      status: "resolved",
      update: { ...update, status: "resolved", resolvedAt: new Date() },
      messages,
      events: [...events, { type: "conversation.resolved", nodeId: result.state.activeNodeId, payload: { by: "bot" } }],
    };
  }
  return { status: "bot", update: { ...update, status: "bot" }, messages, events };
}

async function planErrorHandoff(
  conversation: PlanConversation,
  error: unknown,
  engines: Engines,
  leadingMessages: NewMessage[],
  nodeKinds: Map<string, NodeKind>,
): Promise<TurnPlan> {
  const detail = error instanceof Error ? error.message : String(error);
  console.warn(`[turn] the bot failed on conversation ${conversation.id}; handing off:`, detail);
  const { team, locale } = await readLenientSettings(conversation.flowVersionId);
  const request: HandoffRequest = { team, priority: "normal", reason: "The bot ran into a problem and could not continue", trigger: "error" };
  const handoff = await planHandoff({ conversation, request, state: { fields: {}, intent: null }, nodeKinds, locale, newMessages: leadingMessages, newEvents: [], engines });
  return {
    status: "waiting",
    update: { ...handoff.update, lastMessageAt: new Date() },
    messages: handoff.notice ? [handoff.notice] : [],
    events: [{ type: "turn.error", payload: { message: detail.slice(0, 500) } }, ...handoff.fallbackEvents, handoff.event],
  };
}

const DocumentSettingsSchema = z.object({ settings: z.object({ defaultTeam: z.string().optional(), locale: z.string().optional() }).optional() });

/** The flow's default team and locale read leniently from the raw document: used when the document itself is what failed. */
async function readLenientSettings(flowVersionId: string): Promise<{ team: string; locale: string | undefined }> {
  let locale: string | undefined;
  try {
    const version = await db.flowVersion.findUnique({ where: { id: flowVersionId }, select: { document: true } });
    const parsed = DocumentSettingsSchema.safeParse(JSON.parse(version?.document ?? "{}"));
    locale = parsed.success ? parsed.data.settings?.locale : undefined;
    if (parsed.success && parsed.data.settings?.defaultTeam) return { team: parsed.data.settings.defaultTeam, locale };
  } catch {
    // fall through to the first team
  }
  const first = await db.team.findFirst({ orderBy: { createdAt: "asc" }, select: { slug: true } });
  return { team: first?.slug ?? DEFAULT_TEAM, locale };
}

function fallbackRequest(reason: string): HandoffRequest {
  return { team: DEFAULT_TEAM, priority: "normal", reason, trigger: "error" };
}

function compactMetadata(metadata: MessageMetadata): MessageMetadata {
  const result: MessageMetadata = {};
  if (metadata.choices?.length) result.choices = metadata.choices;
  if (metadata.source) result.source = metadata.source;
  if (metadata.confidence !== undefined) result.confidence = metadata.confidence;
  if (metadata.csat) result.csat = true;
  if (metadata.nodeId) result.nodeId = metadata.nodeId;
  if (metadata.offered?.length) result.offered = metadata.offered;
  if (metadata.picked) result.picked = true;
  if (metadata.offeredIntents?.length) result.offeredIntents = metadata.offeredIntents;
  return result;
}
