/**
 * What became of each offer of buttons a step made in a conversation — the kb step's "These
 * articles might help" and the intent step's "Did you mean…?": read once, by this one function,
 * for both the inbox transcript (offered-choices.ts) and the handoff packet (handoff.server.ts),
 * so the two cannot tell the agent different things. Isomorphic (no server imports).
 *
 * A reply belongs to the latest offer before it. An article pick is the kb step's answer line
 * marked `picked` that follows (the kb step keeps only its latest offer and answers a pick at
 * once), and only if that offer listed the article. Whether the customer declined the offer
 * ("None of these", "Something else") or wrote something else instead is the step's own event
 * (`kb.notFound` with `declinedSuggestions` / `askedAnew`; `intent.confirmed` for an intent pick,
 * `intent.declined`, with `askedAnew` for a new message), written with the customer's reply in
 * one turn, so with the same time as that reply. A reply with none (the customer asked for a
 * person, which a handoff trigger took before the step) is "otherReply": not an answer to the offer.
 */
import { parseJsonRecord } from "~/utils/json-record";
import type { EventType } from "~/vocabulary/events";
import type { OfferAnswer } from "~/vocabulary/offer-answers";
import type { MessageMetadata } from "./messages";

export type OfferedArticle = { articleId: string; slug: string; title: string };
/** An intent offered by "Did you mean…?": its name and the button's label. */
export type OfferedIntent = { name: string; label: string };

type OfferReadOf<O> = {
  /** The line (by index) that made the offer. */
  index: number;
  /** The buttons' labels in their order ("None of these" / "Something else" last). */
  choices: string[];
  picked: O | null;
  /** The customer wrote something after the offer (while it was the latest). */
  replied: boolean;
  /** With no pick: how the step read the customer's reply, or otherReply when it read none (null: no reply yet). */
  answer: OfferAnswer | null;
};
export type ArticleOfferRead = OfferReadOf<OfferedArticle> & { articles: OfferedArticle[] };
export type IntentOfferRead = OfferReadOf<OfferedIntent> & { intents: OfferedIntent[] };
export type OfferRead = ({ kind: "articles" } & ArticleOfferRead) | ({ kind: "intents" } & IntentOfferRead);

/** The event types that carry a step's reading of a reply to its offer. */
export const OFFER_OUTCOME_TYPES: readonly EventType[] = ["kb.notFound", "intent.confirmed", "intent.declined"];
export const isOfferOutcome = (type: string) => (OFFER_OUTCOME_TYPES as readonly string[]).includes(type);

export type OfferLine = { role: string; createdAt: Date; metadata: MessageMetadata };
/** An offer outcome event (others are ignored), with its JSON payload already parsed. */
export type OfferOutcomeEvent = { type: string; nodeId: string | null; createdAt: Date; payload: Record<string, unknown> };

/** Stored events (payload as JSON text) as readOffers reads them: the steps' offer outcomes, an unreadable payload as empty. */
export function toOfferOutcomeEvents(rows: Array<{ type: string; nodeId: string | null; createdAt: Date; payload: string | null }>): OfferOutcomeEvent[] {
  return rows.filter((row) => isOfferOutcome(row.type)).map((row) => ({ type: row.type, nodeId: row.nodeId, createdAt: row.createdAt, payload: parseJsonRecord(row.payload) }));
}

type Traced = { index: number; nodeId: string | undefined; choices: string[]; repliedAt: Date | null } & (
  | { kind: "articles"; articles: OfferedArticle[]; picked: OfferedArticle | null }
  | { kind: "intents"; intents: OfferedIntent[] }
);

/** The offer a bot line makes, if it makes one. */
function offerOn(index: number, metadata: MessageMetadata): Traced | null {
  const { offered, offeredIntents, choices, nodeId } = metadata;
  if (offered?.length) return { kind: "articles", index, nodeId, choices: choices ?? offered.map((article) => article.title), repliedAt: null, articles: offered, picked: null };
  if (!offeredIntents?.length) return null;
  const intents = offeredIntents.map((name, at) => ({ name, label: choices?.[at] ?? name }));
  return { kind: "intents", index, nodeId, choices: choices ?? intents.map((intent) => intent.label), repliedAt: null, intents };
}

export function readOffers(lines: OfferLine[], events: OfferOutcomeEvent[] = []): OfferRead[] {
  const offers: Traced[] = [];
  let latest: Traced | null = null;
  lines.forEach((line, index) => {
    const offer = line.role === "bot" ? offerOn(index, line.metadata) : null;
    if (offer) {
      offers.push((latest = offer));
      return;
    }
    if (!latest) return;
    if (line.role === "customer" && latest.repliedAt === null) latest.repliedAt = line.createdAt;
    const { picked, source } = line.metadata;
    if (latest.kind === "articles" && line.role === "bot" && picked && source) latest.picked = latest.articles.find((article) => article.articleId === source.articleId) ?? latest.picked;
  });
  return offers.map((offer) => {
    const outcome = offer.repliedAt === null ? undefined : outcomeAt(events, offer.nodeId, offer.repliedAt);
    const replied = offer.repliedAt !== null;
    const answerWith = (picked: unknown) => (picked || !replied ? null : (outcome ? answerOf(outcome) : null) ?? "otherReply");
    if (offer.kind === "articles") {
      const { kind, index, choices, articles, picked } = offer;
      return { kind, index, choices, articles, picked, replied, answer: answerWith(picked) };
    }
    const { kind, index, choices, intents } = offer;
    const picked = outcome?.type === "intent.confirmed" ? (intents.find((intent) => intent.name === outcome.payload.intent) ?? null) : null;
    return { kind, index, choices, intents, picked, replied, answer: answerWith(picked) };
  });
}

/** The kb step's offers only, as the handoff packet's `articlesOffered` lists them. */
export function readArticleOffers(lines: OfferLine[], events: OfferOutcomeEvent[] = []): ArticleOfferRead[] {
  return readOffers(lines, events).flatMap((offer) => (offer.kind === "articles" ? [offer] : []));
}

/** The step's outcome event for the reply written at `at` to an offer of `nodeId`. */
function outcomeAt(events: OfferOutcomeEvent[], nodeId: string | undefined, at: Date): OfferOutcomeEvent | undefined {
  return events.find((candidate) => isOfferOutcome(candidate.type) && (nodeId === undefined || candidate.nodeId === nodeId) && candidate.createdAt.getTime() === at.getTime());
}

function answerOf(event: OfferOutcomeEvent): OfferAnswer | null {
  if (event.payload.askedAnew === true) return "askedAnew";
  if (event.payload.declinedSuggestions === true || event.type === "intent.declined") return "declined";
  return null;
}
