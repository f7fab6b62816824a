import { normaliseText } from "../shared/normalise";
import { asksInReply, readFeedbackReply } from "./feedback";
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

// An identifier the customer gives rather than asks about: an order number (4+ digits), an email, a code such as "AB12CD" or "ORD-88X1".
const LONG_NUMBER = /\d{4,}/;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const CODE = /\b(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{4,}\b/i;

function carriesIdentifier(text: string): boolean {
  return LONG_NUMBER.test(text) || EMAIL.test(text) || CODE.test(text);
}

export type PendingPrompt = { kind: "feedback" } | { kind: "suggestions"; titles: string[]; none: string };

/**
 * Whether the reply is worth looking up as a new question (not an answer to the prompt, two words
 * or more). A reply carrying an identifier ("my order number is 1234567890") is one only if it asks
 * something: otherwise it belongs to the prompt's own outcome, where the flow's next step (a collect
 * step) can take it — looked up, its words could match an article by chance.
 */
export function mayBeNewQuestion(text: string, prompt: PendingPrompt): boolean {
  if (normaliseText(text).split(" ").filter(Boolean).length < MIN_WORDS) return false;
  if (carriesIdentifier(text) && !asksInReply(text)) return false;
  return prompt.kind === "feedback" ? readFeedbackReply(text) === "other" : readSuggestionPick(text, prompt.titles, prompt.none) === "other";
}

/** A looked-up reply that no article answered still counts as a new question only if it asks something (after a yes too: "ok and how much is shipping"). */
export function asksSomething(text: string): boolean {
  return asksInReply(text);
}
