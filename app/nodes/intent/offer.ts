/**
 * "Did you mean…?": which of an intent step's intents it offers the customer when none reached
 * its threshold. The bench (app/engines/eval/small-flows.ts) measures this same function, so the
 * floor it reports is the one customers get.
 */
import type { RankedIntent } from "~/engines/types";
import { intentLabel } from "./schema";

/** At most this many intents are offered (plus "Something else"), as the kb step offers articles. */
export const MAX_OFFERED_INTENTS = 3;

/**
 * The lowest confidence an intent needs to be offered. Chosen on CLINC150 a–m intents only (small
 * flows, 2–6 intents × 6 phrases, threshold 0.7), by a rule fixed before n–z was looked at: the
 * lowest 0.05 step at which at most 15 % of unrelated messages are offered choices (0.10: 16.6 %,
 * 0.15: 12.8 %). bench/nlu-small-flows.ts prints the a–m sweep and n–z at the chosen floor only.
 */
export const OFFER_FLOOR = 0.15;

/**
 * The intents to offer for a message no intent was taken for, best first: the step's own (`names`)
 * ranked at `floor` or more. Empty: nothing to offer.
 */
export function intentsToOffer(ranked: readonly RankedIntent[], names: readonly string[], floor = OFFER_FLOOR): RankedIntent[] {
  return ranked
    .filter((candidate) => names.includes(candidate.name) && candidate.confidence >= floor)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, MAX_OFFERED_INTENTS);
}

/**
 * The labels of the intents the customer declined ("Something else", "no") in these events of the
 * step, the latest decline; null when they declined none (a new message instead is no decline).
 */
export function declinedOffer(events: ReadonlyArray<{ type: string; payload: Record<string, unknown> }>): string[] | null {
  const declined = events.filter((event) => event.type === "intent.declined" && event.payload.askedAnew !== true).at(-1);
  const offered = declined?.payload.offered;
  if (!Array.isArray(offered)) return null;
  return offered.flatMap((intent: unknown) => (intent && typeof intent === "object" && "name" in intent && typeof intent.name === "string" ? [intentLabel(intent.name)] : []));
}
