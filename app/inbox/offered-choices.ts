import { readOffers, type OfferLine, type OfferOutcomeEvent, type OfferRead } from "~/runtime/offers";
import { describeOfferOutcome, type OfferAnswer } from "~/vocabulary/offer-answers";

/** An offer of buttons ("These articles might help", "Did you mean…?") as the customer saw it: its buttons, and what they did with it. */
export type OfferedChoices = {
  /** The buttons' labels in their order ("None of these" last). */
  choices: string[];
  /** The label (article title, intent) the customer picked, else null. */
  picked: string | null;
  /** The customer wrote something after the offer. */
  replied: boolean;
  /** With no pick: "None of these" (declined) or a new question instead (askedAnew), as the kb step read it, or otherReply (it read none). */
  answer: OfferAnswer | null;
};

function pickedLabel(offer: OfferRead): string | null {
  return offer.kind === "articles" ? (offer.picked?.title ?? null) : (offer.picked?.label ?? null);
}

/** For each line (by index) that offered articles, what the customer saw and did (read as the handoff packet reads it). */
export function readOfferedChoices(lines: OfferLine[], events: OfferOutcomeEvent[]): Map<number, OfferedChoices> {
  return new Map(
    readOffers(lines, events).map((offer) => [offer.index, { choices: offer.choices, picked: pickedLabel(offer), replied: offer.replied, answer: offer.answer }]),
  );
}

/** The line under the offer in the transcript, in the packet's words ("Customer declined the suggestions"); none before the customer replied. */
export function describeOfferedChoices(offer: OfferedChoices): string | null {
  return offer.picked || offer.replied ? `Customer ${describeOfferOutcome(offer.picked, offer.answer)}` : null;
}
