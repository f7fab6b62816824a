import { normaliseText } from "../shared/normalise";
import { isQuestion } from "../shared/question";
import { readFeedbackReply } from "./feedback";
import { readSuggestionPick } from "./suggestion-pick";

/**
 * While a kb step waits for "Did this help?" or for a pick among likely articles, the customer
 * may type a new question instead of answering. Such a reply "reads as a new question" when it
 * is not an answer to the prompt (not yes/no/thanks-like, not a title, not "None of these"), has
 * at least two words, and EITHER asks something (a "?" or a question opening, shared/question.ts)
 * OR the knowledge base answers it at the step's minScore ("reset password", "I need to change
 * the address on my order"). The first part is decided here, before looking it up; the second
 * after the lookup, by the step (compile.ts).
 */
const MIN_WORDS = 2;

export type PendingPrompt = { kind: "feedback" } | { kind: "suggestions"; titles: string[]; none: string };

/** Whether the reply is worth looking up as a new question (not an answer to the prompt, two words or more). */
export function mayBeNewQuestion(text: string, prompt: PendingPrompt): boolean {
  if (normaliseText(text).split(" ").filter(Boolean).length < MIN_WORDS) return false;
  return prompt.kind === "feedback" ? readFeedbackReply(text) === "other" : readSuggestionPick(text, prompt.titles, prompt.none) === "other";
}

/** A looked-up reply that no article answered still counts as a new question only if it asks something. */
export function asksSomething(text: string): boolean {
  return isQuestion(text);
}
