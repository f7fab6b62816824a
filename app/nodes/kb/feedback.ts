import { normaliseText } from "../shared/normalise";
import { isQuestion } from "../shared/question";

const YES = /^(yes|y|yeah|yep|yup|sure|ok|okay|it did|it helped|that helped|helpful|thanks|thank you|thx|perfect|great|si|oui|ja|sim|claro|genial|merci|danke|obrigad[oa]|gracias)\b/;
const NO = /^(no|n|nope|nah|not|non|nein|nao|didn'?t|did not|it didn'?t|not really)\b/;
// Saying the answer missed, anywhere in the reply: "that's not it", "this doesn't answer my question", "wrong article".
const MISSED =
  /\b(?:not (?:it|helpful|useful|right|what i (?:asked|meant|wanted|need|needed|was looking for))|(?:didn'?t|doesn'?t|did not|does not|won'?t) (?:help|answer|work)|wrong (?:answer|article|one)|useless|no help)\b/;

function saysNo(normalised: string): boolean {
  return NO.test(normalised) || MISSED.test(normalised);
}

/** The reply's clauses, each with its closing punctuation (so "How do I cancel?" still ends in "?"); a spaced dash parts clauses too. */
function clausesOf(text: string): string[] {
  return text.split(/(?<=[,.;:!?–—]|\s-\s)/).filter((clause) => normaliseText(clause) !== "");
}

/**
 * Whether a reply that says no also asks something in another clause ("That didn't help. How do I
 * cancel my order?"). The no-clause itself is left out: "didn't help" opens like a question
 * ("didn't…") but is only a no.
 */
function asksBesidesNo(text: string): boolean {
  return clausesOf(text).some((clause) => !saysNo(normaliseText(clause)) && isQuestion(clause));
}

/** Whether any part of the reply says the answer did not help ("That didn't help. How do I…?" included). */
export function saysNotHelpful(text: string): boolean {
  return clausesOf(text).some((clause) => saysNo(normaliseText(clause)));
}

/**
 * Reads a text reply to "Did this help?". A yes is "yes"; a no, or saying the answer missed
 * ("that's not it"), is "no" — unless the reply also asks something: then the question must not be
 * lost, and it is "other" like any reply that may be a new question (the kb step looks it up,
 * new-question.ts; unanswered, it still counts as not helpful). Anything else is "other" too.
 */
export function readFeedbackReply(text: string): "yes" | "no" | "other" {
  const normalised = normaliseText(text);
  if (saysNo(normalised)) return asksBesidesNo(text) ? "other" : "no";
  return YES.test(normalised) ? "yes" : "other";
}
