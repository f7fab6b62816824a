import { readArticleOffers, type OfferLine, type OfferOutcomeEvent } from "~/runtime/article-offers";
import { describeOfferOutcome, type OfferAnswer } from "~/vocabulary/offer-answers";

/** The KB's "These articles might help" as the customer saw it: its buttons, and what they did with it. */
export type OfferedChoices = {
  /** The buttons' labels in their order ("None of these" last). */
  choices: string[];
  /** The title the customer picked, else null. */
  picked: string | null;
  /** The customer wrote something after the offer. */
  replied: boolean;
  /** With no pick: "None of these" (declined) or a new question instead (askedAnew), as the kb step read it, or otherReply (it read none). */
  answer: OfferAnswer | null;
};

/** For each line (by index) that offered articles, what the customer saw and did (read as the handoff packet reads it). */
export function readOfferedChoices(lines: OfferLine[], events: OfferOutcomeEvent[]): Map<number, OfferedChoices> {
  return new Map(
    readArticleOffers(lines, events).map((offer) => [offer.index, { choices: offer.choices, picked: offer.picked?.title ?? null, replied: offer.replied, answer: offer.answer }]),
  );
}

/** The line under the offer in the transcript, in the packet's words ("Customer declined the suggestions"); none before the customer replied. */
export function describeOfferedChoices(offer: OfferedChoices): string | null {
  return offer.picked || offer.replied ? `Customer ${describeOfferOutcome(offer.picked, offer.answer)}` : null;
}
