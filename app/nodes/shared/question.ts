import { normaliseText } from "./normalise";

// A clause that opens like a question ("where is…", "can I…", "how long…") or says it is one.
const QUESTION_OPENING =
  /^(?:who|whom|whose|what|whats|when|where|wheres|why|how|hows|which|is|isn't|are|aren't|am|was|were|do|does|did|don't|doesn't|didn't|can|cant|can't|could|will|won't|would|should|shall|may|might|have|has|had)\b/;
const ASKS = /\b(?:i(?: want| need| would like|'d like) to know|wondering|any idea|tell me)\b/;

/**
 * Whether a customer's message asks something ("where is my order?", "hi, how long does
 * shipping take", "I'd like to know when…"): a KB step later in the conversation may answer it
 * instead of asking again. An order number, an email or "yes" is not a question.
 */
export function isQuestion(text: string): boolean {
  if (/\?\s*$/.test(text.trim())) return true;
  return text.split(/[,.;:!]+/).some((clause) => {
    const normalised = normaliseText(clause);
    return normalised !== "" && (QUESTION_OPENING.test(normalised) || ASKS.test(normalised));
  });
}
