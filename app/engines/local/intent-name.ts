/**
 * An intent's name as evidence. A support lead names intents the way CLINC150's authors did
 * ("track_order", "creditLimit", "pto-request"): a short phrase of what the customer wants. Read
 * as words it is one more example phrase, written by the person who knows the intent best, and it
 * says what the intent's six example phrases have in common where they do not say it themselves.
 *
 * Chosen on CLINC150 intents a–m only (small steps, 2–6 intents × 6 phrases, val.json; see the
 * README's intent section): routed right at ≤ 4 % unrelated taken 92.4 → 93.0 % with the old
 * calibration, 92.7 → 93.6 % with both refitted on the trials. The name's cosine as a signal of
 * its own added 0.1 point on top, and the name in one model only (words or sentence vector) or
 * counted twice did less than once in both.
 */
import { identifierWords } from "~/utils/identifier-words";
import { languageOfTexts } from "../detect-language";
import type { IntentDefinition } from "../types";

/** The editor's placeholder for a new intent ("intent_3"): not a name a lead chose, nothing a customer says. */
const PLACEHOLDER_NAME = /^intent[ _-]?\d+$/i;

/**
 * "track_order", "trackOrder", "track-order" → "track order"; null for the editor's placeholder
 * ("intent_2", which says nothing of what the customer wants and would make a step's unnamed
 * intents look alike) and when no letter is left.
 */
export function intentNamePhrase(name: string): string | null {
  if (PLACEHOLDER_NAME.test(name.trim())) return null;
  const words = identifierWords(name).join(" ");
  return /\p{L}/u.test(words) ? words : null;
}

/**
 * Each intent with its name's phrase as one more example (unless an example already says it).
 * English steps only: the names were measured on CLINC150's English intents, and a step written in
 * Spanish often has English names, words its customers never type; such steps learn as before.
 */
export function withNamePhrases(intents: IntentDefinition[]): IntentDefinition[] {
  if (languageOfTexts(intents.flatMap((intent) => intent.examples)) !== "en") return intents;
  return intents.map((intent) => {
    const phrase = intentNamePhrase(intent.name);
    const known = intent.examples.some((example) => example.trim().toLowerCase() === phrase);
    return phrase === null || known ? intent : { ...intent, examples: [...intent.examples, phrase] };
  });
}
