/**
 * What became of each "These articles might help" in a conversation: read once, by this one
 * function, for both the inbox transcript (offered-choices.ts) and the handoff packet
 * (handoff.server.ts), so the two cannot tell the agent different things. Isomorphic (no server
 * imports).
 *
 * A pick belongs to the latest offer before it, and only if that offer listed the article: the kb
 * step keeps only its latest offer and answers a pick at once. Whether the customer declined the
 * offer ("None of these") or asked something else instead is the kb step's own `kb.notFound`
 * event (`declinedSuggestions` / `askedAnew`), written with the customer's reply in one turn, so
 * with the same time as that reply. A reply with neither (the customer asked for a person, which a
 * handoff trigger took before the kb step) is "otherReply": not an answer to the offer.
 */
import { parseJsonRecord } from "~/utils/json-record";
import type { OfferAnswer } from "~/vocabulary/offer-answers";
import type { MessageMetadata } from "./messages";

export type OfferedArticle = { articleId: string; slug: string; title: string };

export type ArticleOfferRead = {
  /** The line (by index) that made the offer. */
  index: number;
  articles: OfferedArticle[];
  /** The buttons' labels in their order ("None of these" last). */
  choices: string[];
  picked: OfferedArticle | null;
  /** The customer wrote something after the offer (while it was the latest). */
  replied: boolean;
  /** With no pick: how the kb step read the customer's reply, or otherReply when it read none (null: no reply yet). */
  answer: OfferAnswer | null;
};

/** The event type that carries the kb step's reading of a reply to its offer. */
export const OFFER_OUTCOME_TYPE = "kb.notFound";

export type OfferLine = { role: string; createdAt: Date; metadata: MessageMetadata };
/** A `kb.notFound` event (others are ignored), with its JSON payload already parsed. */
export type OfferOutcomeEvent = { type: string; nodeId: string | null; createdAt: Date; payload: Record<string, unknown> };

/** Stored events (payload as JSON text) as readArticleOffers reads them: the kb step's outcomes, an unreadable payload as empty. */
export function toOfferOutcomeEvents(rows: Array<{ type: string; nodeId: string | null; createdAt: Date; payload: string | null }>): OfferOutcomeEvent[] {
  return rows.filter((row) => row.type === OFFER_OUTCOME_TYPE).map((row) => ({ type: row.type, nodeId: row.nodeId, createdAt: row.createdAt, payload: parseJsonRecord(row.payload) }));
}

export function readArticleOffers(lines: OfferLine[], events: OfferOutcomeEvent[] = []): ArticleOfferRead[] {
  const offers: ArticleOfferRead[] = [];
  let latest: (ArticleOfferRead & { nodeId: string | undefined }) | null = null;
  lines.forEach((line, index) => {
    const { offered, choices, picked, source, nodeId } = line.metadata;
    if (line.role === "bot" && offered?.length) {
      latest = { index, articles: offered, choices: choices ?? offered.map((article) => article.title), picked: null, replied: false, answer: null, nodeId };
      offers.push(latest);
      return;
    }
    if (!latest) return;
    if (line.role === "customer" && !latest.replied) {
      latest.replied = true;
      latest.answer = answerOf(events, latest.nodeId, line.createdAt);
    }
    if (line.role === "bot" && picked && source) latest.picked = latest.articles.find((article) => article.articleId === source.articleId) ?? latest.picked;
  });
  return offers.map(({ index, articles, choices, picked, replied, answer }) => ({ index, articles, choices, picked, replied, answer: picked || !replied ? null : answer ?? "otherReply" }));
}

/** The kb step's reading of the reply written at `at` to an offer of `nodeId`. */
function answerOf(events: OfferOutcomeEvent[], nodeId: string | undefined, at: Date): ArticleOfferRead["answer"] {
  const event = events.find((candidate) => candidate.type === OFFER_OUTCOME_TYPE && (nodeId === undefined || candidate.nodeId === nodeId) && candidate.createdAt.getTime() === at.getTime());
  if (event?.payload.askedAnew === true) return "askedAnew";
  if (event?.payload.declinedSuggestions === true) return "declined";
  return null;
}
