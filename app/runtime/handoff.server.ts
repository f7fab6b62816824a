/**
 * Builds what a handoff writes: the conversation's queue fields and the handoff packet the
 * agent reads first (transcript, intent, fields, summary, what was tried, previous contacts).
 * Runs before the turn's transaction; a failing summarizer degrades to a plain summary
 * instead of failing the turn, and a summary not written by the configured summarizer (the
 * OpenAI one fell back, or it threw) is recorded as an `engine.fallback` event.
 */
import { z } from "zod";
import type { Engines } from "~/engines/types";
import { getNodeKind, phrasesFor, type HandoffRequest, type NodeKind } from "~/flow";
import type { ArticleOffer, HandoffPacket, IntentOffer } from "./handoff-packet";
import { PRIORITY_RANK, TranscriptEntrySchema } from "./handoff-packet";
import type { NewEvent, NewMessage, TurnConversation } from "./conversation-store.server";
import { isOfferOutcome, OFFER_OUTCOME_TYPES, readOffers, toOfferOutcomeEvents, type OfferOutcomeEvent } from "./offers";
import { parseMessageMetadata } from "./messages";
import { queryAll, queryOne } from "./sql.server";

export type TurnState = {
  fields: Record<string, string | number>;
  intent: { name: string; confidence: number } | null;
};

const TranscriptRoleSchema = TranscriptEntrySchema.shape.role;

type TranscriptSource = { role: string; text: string; createdAt: Date; metadata: string };

const TranscriptRowSchema = z.object({ role: z.string(), text: z.string(), createdAt: z.coerce.date(), metadata: z.string() });
const TeamRowSchema = z.object({ id: z.string(), name: z.string() });

/** Hot path: the transcript so far, on the read connection (see sql.server.ts). */
async function readTranscript(conversationId: string): Promise<TranscriptSource[]> {
  const rows = await queryAll(`SELECT "role", "text", "createdAt", "metadata" FROM "Message" WHERE "conversationId" = ? AND "role" <> 'note' ORDER BY "seq"`, [conversationId]);
  return rows.map((row) => TranscriptRowSchema.parse(row));
}

const OfferOutcomeRowSchema = z.object({ type: z.string(), nodeId: z.string().nullable(), createdAt: z.coerce.date(), payload: z.string() });

/** The steps' readings of replies to their offers (picked, declined, or a new message) stored so far: for readOffers. */
async function readOfferOutcomes(conversationId: string): Promise<OfferOutcomeEvent[]> {
  const types = OFFER_OUTCOME_TYPES.map(() => "?").join(", ");
  const rows = await queryAll(`SELECT "type", "nodeId", "createdAt", "payload" FROM "Event" WHERE "conversationId" = ? AND "type" IN (${types})`, [conversationId, ...OFFER_OUTCOME_TYPES]);
  return toOfferOutcomeEvents(rows.map((row) => OfferOutcomeRowSchema.parse(row)));
}

async function readTeam(slug: string): Promise<{ id: string; name: string } | null> {
  const row = await queryOne(`SELECT "id", "name" FROM "Team" WHERE "slug" = ?`, [slug]);
  return row ? TeamRowSchema.parse(row) : null;
}

const ContactRowSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() });
const PreviousRowSchema = z.object({ id: z.string(), createdAt: z.coerce.date(), status: z.string(), intent: z.string().nullable(), summary: z.string().nullable() });

/** The contact and their 10 latest other conversations (on the seam: Prisma costs more than the query). */
async function readContactHistory(contactId: string, conversationId: string) {
  const [contact, previous] = await Promise.all([
    queryOne(`SELECT "id", "name", "email" FROM "Contact" WHERE "id" = ?`, [contactId]),
    queryAll(`SELECT "id", "createdAt", "status", "intent", "summary" FROM "Conversation" WHERE "contactId" = ? AND "id" <> ? ORDER BY "createdAt" DESC LIMIT 10`, [
      contactId,
      conversationId,
    ]),
  ]);
  return { contact: contact ? ContactRowSchema.parse(contact) : null, previous: previous.map((row) => PreviousRowSchema.parse(row)) };
}

export type HandoffPlan = {
  update: {
    status: "waiting";
    teamId: string | null;
    priority: number;
    escalatedAt: Date;
    /** Only on the conversation's first handoff: later ones move escalatedAt, never this. */
    firstEscalatedAt?: Date;
    handoffReason: string;
    handoffTrigger: string;
    handoffNodeId: string | null;
    summary: string;
    handoff: string;
  };
  /** The one handoff notice, unless the flow already said its own (an escalate node's message). */
  notice: NewMessage | null;
  /** The complete `handoff` event: the flow's, with what only the runtime knows added. */
  event: NewEvent;
  /** `engine.fallback` when the configured summarizer did not write the summary. */
  fallbackEvents: NewEvent[];
  packet: HandoffPacket;
};

export async function planHandoff(input: {
  conversation: Pick<TurnConversation, "id" | "contactId" | "channel" | "page" | "escalatedAt">;
  request: HandoffRequest;
  /** Which step gave up and how ("Check confidence: 42% < 70%"), when the flow's events show it. */
  cause?: string | null;
  state: TurnState;
  /** Kind of each node of the pinned document: questions asked are the lines of kinds that ask. */
  nodeKinds: Map<string, NodeKind>;
  /** The flow's locale: the notice is in the customer's language. */
  locale: string | undefined;
  /** Messages of this turn not yet stored (customer first). */
  newMessages: NewMessage[];
  /** Events of this turn not yet stored: a step's reading of the customer's reply to its offer may be one. */
  newEvents: NewEvent[];
  engines: Engines;
}): Promise<HandoffPlan> {
  const { conversation, request, state } = input;
  const now = new Date();
  const [team, stored, storedOutcomes, { contact, previous }] = await Promise.all([
    readTeam(request.team),
    readTranscript(conversation.id),
    readOfferOutcomes(conversation.id),
    conversation.contactId ? readContactHistory(conversation.contactId, conversation.id) : { contact: null, previous: [] },
  ]);
  const notice: NewMessage | null = request.announced ? null : { role: "system", text: phrasesFor(input.locale).handoff(team?.name ?? request.team), metadata: {} };
  const sources: TranscriptSource[] = [
    ...stored,
    ...[...input.newMessages, ...(notice ? [notice] : [])].map((message) => ({ ...message, createdAt: now, metadata: JSON.stringify(message.metadata) })),
  ];
  const transcript: HandoffPacket["transcript"] = sources.flatMap((line) => {
    const role = TranscriptRoleSchema.safeParse(line.role);
    return role.success ? [{ role: role.data, text: line.text, createdAt: line.createdAt.toISOString() }] : [];
  });
  // This turn's events are written with its messages, at the same time as them (commitTurn).
  const outcomes = [...storedOutcomes, ...input.newEvents.filter((event) => isOfferOutcome(event.type)).map((event) => ({ type: event.type, nodeId: event.nodeId ?? null, createdAt: now, payload: event.payload }))];
  const tried = summariseAttempts(sources, outcomes, input.nodeKinds);
  const summarised = await summarise(input.engines, { transcript, state, tried, reason: request.reason });
  const summary = withLastCustomerMessages(summarised.summary, transcript);
  const { fallback } = summarised;
  const packet: HandoffPacket = {
    version: 1,
    createdAt: now.toISOString(),
    trigger: request.trigger,
    cause: input.cause ?? null,
    reason: request.reason,
    priority: request.priority,
    team: { slug: request.team, name: team?.name ?? null },
    nodeId: request.nodeId ?? null,
    channel: conversation.channel,
    page: conversation.page,
    intent: state.intent,
    fields: state.fields,
    summary,
    tried,
    transcript,
    contact: contact ?? null,
    previousConversations: previous.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
  return {
    update: {
      status: "waiting",
      teamId: team?.id ?? null,
      priority: PRIORITY_RANK[request.priority],
      escalatedAt: now,
      ...(conversation.escalatedAt === null ? { firstEscalatedAt: now } : {}),
      handoffReason: request.reason,
      handoffTrigger: request.trigger,
      handoffNodeId: request.nodeId ?? null,
      summary,
      handoff: JSON.stringify(packet),
    },
    notice,
    fallbackEvents: fallback ? [{ type: "engine.fallback", nodeId: request.nodeId ?? null, payload: { ...fallback, task: "summary" } }] : [],
    event: {
      type: "handoff",
      nodeId: request.nodeId ?? null,
      payload: {
        team: request.team,
        teamFound: Boolean(team),
        priority: request.priority,
        trigger: request.trigger,
        reason: request.reason,
        ...(input.cause ? { cause: input.cause } : {}),
      },
    },
    packet,
  };
}

/** The turn's events with the flow's `handoff` event replaced by the runtime's complete one (or it added). */
export function withHandoffEvent(events: NewEvent[], handoff: NewEvent): NewEvent[] {
  let index = events.length - 1;
  while (index >= 0 && events[index].type !== "handoff") index -= 1;
  if (index < 0) return [...events, handoff];
  return events.map((event, at) => (at === index ? { ...handoff, nodeId: handoff.nodeId ?? event.nodeId } : event));
}

function summariseAttempts(lines: TranscriptSource[], outcomes: OfferOutcomeEvent[], nodeKinds: Map<string, NodeKind>): HandoffPacket["tried"] {
  const articles = new Map<string, HandoffPacket["tried"]["articlesShown"][number]>();
  const questions: string[] = [];
  const metadata = lines.map((line) => parseMessageMetadata(line.metadata));
  // Offers and picks read as the inbox transcript reads them (offers.ts).
  const offers: ArticleOffer[] = [];
  const intentOffers: IntentOffer[] = [];
  for (const offer of readOffers(lines.map((line, index) => ({ role: line.role, createdAt: line.createdAt, metadata: metadata[index] })), outcomes)) {
    if (offer.kind === "intents") intentOffers.push({ intents: offer.intents, pickedName: offer.picked?.name ?? null, answer: offer.answer });
    else offers.push({ articles: offer.articles.map(({ articleId, slug, title }) => ({ id: articleId, slug, title })), pickedId: offer.picked?.articleId ?? null, answer: offer.answer });
  }
  lines.forEach((line, index) => {
    if (line.role !== "bot") return;
    const { source, confidence, nodeId } = metadata[index];
    if (source) articles.set(source.articleId, { id: source.articleId, slug: source.slug, title: source.title, ...(confidence !== undefined ? { confidence } : {}) });
    const kind = nodeId ? nodeKinds.get(nodeId) : undefined;
    if (kind && getNodeKind(kind).asksQuestions) questions.push(line.text);
  });
  // A question asked again (a retry, a loop back) was still one question.
  return { articlesShown: [...articles.values()], articlesOffered: offers, intentsOffered: intentOffers, questionsAsked: [...new Set(questions)] };
}

type EngineFallback = { engine: string; error: string };

/** The summary, and the fallback to record when the configured summarizer did not write it. */
async function summarise(
  engines: Engines,
  input: { transcript: HandoffPacket["transcript"]; state: TurnState; tried: HandoffPacket["tried"]; reason: string },
): Promise<{ summary: string; fallback?: EngineFallback }> {
  let fallback: EngineFallback | undefined;
  try {
    const result = await engines.summarizer.summarize({
      transcript: input.transcript.map(({ role, text }) => ({ role, text })),
      fields: input.state.fields,
      intent: input.state.intent,
      tried: input.tried,
      reason: input.reason,
    });
    fallback = result.fallback;
    if (result.text.trim()) return { summary: result.text.trim(), fallback };
  } catch (error) {
    console.warn("[handoff] summarizer failed, using a plain summary:", error);
    fallback = { engine: "summarizer", error: error instanceof Error ? error.message : String(error) };
  }
  return { summary: input.reason, fallback };
}

/**
 * Whoever wrote the summary, it ends with the customer's own last words, verbatim: what they
 * said last is what the agent answers first, and a summary must not paraphrase it away.
 */
export function withLastCustomerMessages(summary: string, transcript: HandoffPacket["transcript"]): string {
  const last = transcript.filter((line) => line.role === "customer" && line.text.trim() !== "").slice(-2);
  if (last.length === 0) return summary;
  const heading = last.length === 1 ? "The customer's last message:" : "The customer's last two messages:";
  return [summary, heading, ...last.map((line) => `“${line.text}”`)].join("\n");
}
