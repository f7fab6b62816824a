/**
 * The handoff packet: everything the agent sees at once when a conversation lands in a queue,
 * stored as JSON on the conversation (Conversation.handoff). It is a snapshot taken at the
 * moment of handoff; the live transcript continues in Message rows. Isomorphic (no server
 * imports) so the inbox UI can parse it with the same schema it was written with.
 */
import { z } from "zod";
import { HandoffTriggerSchema } from "~/vocabulary/handoff-triggers";
import { OfferAnswerSchema } from "~/vocabulary/offer-answers";

// `confidence`: the calibrated confidence the article was shown with (absent in older packets).
const ShownArticleSchema = z.object({ id: z.string(), slug: z.string(), title: z.string(), confidence: z.number().optional() });

/**
 * Articles the KB offered ("These articles might help") and the one the customer picked, if any
 * (absent in older packets); with no pick, whether they declined the offer or asked something
 * else instead (`answer`, absent in older packets, null when they did not reply to it).
 */
export const ArticleOfferSchema = z.object({
  articles: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string() })),
  pickedId: z.string().nullable(),
  answer: OfferAnswerSchema.nullable().optional(),
});
export type ArticleOffer = z.infer<typeof ArticleOfferSchema>;

/** An intent step's "Did you mean…?": the intents offered (name and button label), the one picked, or how the customer answered otherwise (as for articles). */
export const IntentOfferSchema = z.object({
  intents: z.array(z.object({ name: z.string(), label: z.string() })),
  pickedName: z.string().nullable(),
  answer: OfferAnswerSchema.nullable(),
});
export type IntentOffer = z.infer<typeof IntentOfferSchema>;

export const HandoffPrioritySchema = z.enum(["low", "normal", "high", "urgent"]);

export const TranscriptEntrySchema = z.object({
  role: z.enum(["customer", "bot", "agent", "system"]),
  text: z.string(),
  createdAt: z.string(),
});

export const PreviousConversationSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  status: z.string(),
  intent: z.string().nullable(),
  summary: z.string().nullable(),
});

export const HandoffPacketSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  trigger: HandoffTriggerSchema,
  /** The step and outcome that led to a node handoff ("Check confidence: 42% < 70%"); absent in older packets. */
  cause: z.string().nullable().optional(),
  reason: z.string(),
  priority: HandoffPrioritySchema,
  team: z.object({ slug: z.string(), name: z.string().nullable() }),
  nodeId: z.string().nullable(),
  channel: z.string(),
  page: z.string().nullable(),
  intent: z.object({ name: z.string(), confidence: z.number() }).nullable(),
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
  summary: z.string(),
  tried: z.object({
    /** Articles the bot answered with (a picked one too). */
    articlesShown: z.array(ShownArticleSchema),
    articlesOffered: z.array(ArticleOfferSchema).optional(),
    /** Absent in packets from before intent steps offered choices. */
    intentsOffered: z.array(IntentOfferSchema).optional(),
    questionsAsked: z.array(z.string()),
  }),
  transcript: z.array(TranscriptEntrySchema),
  contact: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  previousConversations: z.array(PreviousConversationSchema),
});

export type HandoffPacket = z.infer<typeof HandoffPacketSchema>;

/** An offer in the packet as the customer read it: the buttons' labels (without the way out), the one picked, the answer otherwise. */
export type OfferSummary = { labels: string[]; picked: string | null; answer: ArticleOffer["answer"] };

/** The packet's offers of articles and of intents, read alike by the packet panel and the summary. */
export function summariseOffers(tried: HandoffPacket["tried"]): { articles: OfferSummary[]; intents: OfferSummary[] } {
  return {
    articles: (tried.articlesOffered ?? []).map((offer) => ({
      labels: offer.articles.map((article) => article.title),
      picked: offer.articles.find((article) => article.id === offer.pickedId)?.title ?? null,
      answer: offer.answer,
    })),
    intents: (tried.intentsOffered ?? []).map((offer) => ({
      labels: offer.intents.map((intent) => intent.label),
      picked: offer.intents.find((intent) => intent.name === offer.pickedName)?.label ?? null,
      answer: offer.answer,
    })),
  };
}

/** Parses a stored packet; null when absent or unreadable (an old or corrupt row must not crash the inbox). */
export function parseHandoffPacket(json: string | null): HandoffPacket | null {
  if (!json) return null;
  try {
    const parsed = HandoffPacketSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
