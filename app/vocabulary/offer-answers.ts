/**
 * What a customer did with the KB's "These articles might help" when they picked none of it, and
 * the one wording each has in the handoff packet and its summary (the transcript's read,
 * runtime/article-offers.ts, decides which). Client-safe.
 */
import { z } from "zod";

/** "None of these" (declined), or a new question instead (askedAnew), as the kb step read the reply. */
export const OFFER_ANSWERS = ["declined", "askedAnew"] as const;
export const OfferAnswerSchema = z.enum(OFFER_ANSWERS);
export type OfferAnswer = z.infer<typeof OfferAnswerSchema>;

const OFFER_ANSWER_LABELS: Record<OfferAnswer, string> = {
  declined: "declined the suggestions",
  askedAnew: "asked something else instead",
};

/** "picked Returns policy", "declined the suggestions", "asked something else instead", or "none picked" (no reply, or a packet from before answers were kept). */
export function describeOfferOutcome(pickedTitle: string | null, answer: OfferAnswer | null | undefined): string {
  if (pickedTitle) return `picked ${pickedTitle}`;
  return answer ? OFFER_ANSWER_LABELS[answer] : "none picked";
}
