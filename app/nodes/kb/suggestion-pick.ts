import { matchChoice } from "../choice/match";
import { normaliseText } from "../shared/normalise";
import { isQuestion } from "../shared/question";
import { readFeedbackReply } from "./feedback";

const NONE = /^(?:none|neither)\b/;

/**
 * Reads the customer's reply to "These articles might help" (and to the intent step's "Did you mean…?"): the index of the article they
 * picked (tapped its title, typed it or a near spelling, "the second one"), "none" ("None of
 * these", "no", "neither"), or "other" — a reply that is neither is probably a new question, which stays
 * pending for the next KB step, as after "Did this help?". A question picks an article only by
 * its exact title: "what about express shipping?" is a new question even though it shares words
 * with "Express shipping".
 */
export function readSuggestionPick(text: string, titles: string[], noneLabel: string): number | "none" | "other" {
  const picked = matchChoice(text, [...titles, noneLabel]);
  if (picked === titles.length) return "none";
  if (picked !== null && (!isQuestion(text) || normaliseText(text) === normaliseText(titles[picked]))) return picked;
  return readFeedbackReply(text) === "no" || NONE.test(normaliseText(text)) ? "none" : "other";
}
