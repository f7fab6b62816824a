/**
 * What a customer did with the KB's "These articles might help" when they picked none of it, and
 * the one wording each outcome has, in the inbox transcript, the handoff packet and its summary
 * (the transcript's read, runtime/offers.ts, decides which). Client-safe.
 */
import { z } from "zod";

/**
 * "None of these" (declined) or a new question instead (askedAnew), as the kb step read the reply;
 * otherReply: the customer's next message was no answer the kb step read (e.g. "talk to a person",
 * which a handoff trigger took first).
 */
export const OFFER_ANSWERS = ["declined", "askedAnew", "otherReply"] as const;
export const OfferAnswerSchema = z.enum(OFFER_ANSWERS);
export type OfferAnswer = z.infer<typeof OfferAnswerSchema>;

const OFFER_ANSWER_LABELS: Record<OfferAnswer, string> = {
  declined: "declined the suggestions",
  askedAnew: "asked something else instead",
  otherReply: "replied without answering the suggestions",
};

/**
 * "picked Returns policy", "declined the suggestions", "asked something else instead", "replied
 * without answering the suggestions", or "none picked" (no reply yet, or a packet from before
 * answers were kept).
 */
export function describeOfferOutcome(pickedTitle: string | null, answer: OfferAnswer | null | undefined): string {
  if (pickedTitle) return `picked ${pickedTitle}`;
  return answer ? OFFER_ANSWER_LABELS[answer] : "none picked";
}
