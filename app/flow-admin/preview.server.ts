/**
 * Preview: the editor runs the DRAFT it shows through the real runtime. The document is written
 * as a FlowVersion with number NULL (reused while the draft is unchanged) and a conversation
 * with channel "preview" is pinned to it; messages then go through the public chat API with the
 * conversation's token, exactly like a customer's. Preview conversations never show up in the
 * inbox or analytics, and each restart deletes the previous run and unused preview versions.
 */
import { z } from "zod";
import { stringifyFlowDocument, type FlowDocument } from "~/flow";
import { hashFlowDocument } from "~/flow/hash.server";
import { createConversation, type CreatedConversation } from "~/runtime/conversations.server";
import { db } from "~/utils/db.server";
import type { PreviewState } from "./preview-state";
import { WORDS_ONLY_ENGINE } from "~/engines/embedding-deadline.server";
import { PREVIEW_CHANNEL } from "~/vocabulary/channels";
import { ConversationStatusSchema } from "~/vocabulary/conversation-status";
import type { EventType } from "~/vocabulary/events";

/** The events the preview reads back to light up the path a test run took. */
const TRACE_EVENTS = ["node.entered", "intent.classified", "intent.confirmed", "kb.answered", "http.called", "engine.fallback"] as const satisfies readonly EventType[];

async function findOrCreatePreviewVersion(flowId: string, document: FlowDocument) {
  const documentHash = hashFlowDocument(document);
  const existing = await db.flowVersion.findFirst({ where: { flowId, documentHash, number: null }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.flowVersion.create({ data: { flowId, number: null, document: stringifyFlowDocument(document), documentHash }, select: { id: true } });
  return created.id;
}

/** Deletes the admin's previous run, then every preview version no conversation uses any more. */
async function cleanUpPreviews(flowId: string, previousConversationId: string | undefined, keepVersionId: string) {
  if (previousConversationId) await db.conversation.deleteMany({ where: { id: previousConversationId, flowId, channel: PREVIEW_CHANNEL } });
  await db.flowVersion.deleteMany({ where: { flowId, number: null, id: { not: keepVersionId }, conversations: { none: {} } } });
}

export async function startPreview(input: { flowId: string; document: FlowDocument; previousConversationId?: string }): Promise<CreatedConversation | null> {
  const flow = await db.flow.findUnique({ where: { id: input.flowId }, select: { id: true, slug: true } });
  if (!flow) return null;
  const document = { ...input.document, slug: flow.slug };
  const flowVersionId = await findOrCreatePreviewVersion(flow.id, document);
  await cleanUpPreviews(flow.id, input.previousConversationId, flowVersionId);
  return createConversation({ slug: flow.slug, channel: PREVIEW_CHANNEL, version: { flowId: flow.id, flowVersionId, number: null } });
}

const FieldsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
const IntentPayloadSchema = z.object({ intent: z.string().nullable(), confidence: z.number() });
const KbPayloadSchema = z.object({ title: z.string(), score: z.number().optional() });
const FallbackPayloadSchema = z.object({ engine: z.string() });
const HttpPayloadSchema = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  ok: z.boolean(),
  detail: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
});
/** The preview lists the last few calls: enough to follow a retry loop, not a log. */
const PREVIEW_API_CALLS = 5;

function parseJson<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function readPreviewState(flowId: string, conversationId: string): Promise<PreviewState | null> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, flowId, channel: PREVIEW_CHANNEL },
    select: {
      status: true,
      fields: true,
      priority: true,
      handoffReason: true,
      handoffTrigger: true,
      escalatedAt: true,
      team: { select: { name: true } },
      events: {
        where: { type: { in: [...TRACE_EVENTS] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { type: true, nodeId: true, payload: true, createdAt: true },
      },
    },
  });
  if (!conversation) return null;
  const entered = conversation.events.filter((event) => event.type === "node.entered" && event.nodeId).map((event) => event.nodeId as string);
  const lastOf = (type: EventType) => conversation.events.filter((event) => event.type === type).at(-1);
  // A pick at "Did you mean…?" is the step's verdict after the classification it follows.
  const lastIntent = conversation.events.filter((event) => event.type === "intent.classified" || event.type === "intent.confirmed").at(-1);
  const lastAnswer = lastOf("kb.answered");
  const intent = parseJson(IntentPayloadSchema, lastIntent?.payload ?? "null");
  const kb = parseJson(KbPayloadSchema, lastAnswer?.payload ?? "null");
  // The step ranked on words alone because the sentence encoder missed the turn's deadline: its note has the same step and turn (one createdAt per turn).
  const onWordsAlone = (decision: (typeof conversation.events)[number] | undefined) =>
    decision !== undefined &&
    conversation.events.some(
      (event) => event.type === "engine.fallback" && event.nodeId === decision.nodeId && event.createdAt.getTime() === decision.createdAt.getTime() && parseJson(FallbackPayloadSchema, event.payload)?.engine === WORDS_ONLY_ENGINE,
    );
  const apiCalls = conversation.events
    .filter((event) => event.type === "http.called")
    .slice(-PREVIEW_API_CALLS)
    .flatMap((event) => {
      const call = parseJson(HttpPayloadSchema, event.payload);
      return call ? [{ nodeId: event.nodeId, ...call }] : [];
    });
  const status = ConversationStatusSchema.safeParse(conversation.status);
  return {
    status: status.success ? status.data : "waiting",
    activeNodeId: entered.at(-1) ?? null,
    visitedNodeIds: [...new Set(entered)],
    fields: parseJson(FieldsSchema, conversation.fields) ?? {},
    intent: intent ? { name: intent.intent, confidence: intent.confidence, wordsOnly: onWordsAlone(lastIntent), confirmed: lastIntent?.type === "intent.confirmed" } : null,
    kb: kb ? { title: kb.title, score: kb.score ?? null, wordsOnly: onWordsAlone(lastAnswer) } : null,
    apiCalls,
    handoff: conversation.escalatedAt
      ? { team: conversation.team?.name ?? null, priority: conversation.priority, reason: conversation.handoffReason, trigger: conversation.handoffTrigger }
      : null,
  };
}
