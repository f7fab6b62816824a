import { normaliseText } from "../shared/normalise";

const YES = /^(yes|y|yeah|yep|yup|sure|ok|okay|it did|it helped|that helped|helpful|thanks|thank you|thx|perfect|great|si|oui|ja|sim|claro|genial|merci|danke|obrigad[oa]|gracias)\b/;
const NO = /^(no|n|nope|nah|not|non|nein|nao|didn'?t|did not|it didn'?t|not really)\b/;
// Saying the answer missed, anywhere in the reply: "that's not it", "this doesn't answer my question", "wrong article".
const MISSED =
  /\b(?:not (?:it|helpful|useful|right|what i (?:asked|meant|wanted|need|needed|was looking for))|(?:didn'?t|doesn'?t|did not|does not|won'?t) (?:help|answer|work)|wrong (?:answer|article|one)|useless|no help)\b/;

/**
 * Reads a text reply to "Did this help?". A yes is "yes"; a no, or saying the answer missed
 * ("that's not it"), is "no". Anything else is "other": perhaps a new question (the kb step
 * looks it up, new-question.ts), else it counts as not helpful — the flow author's notHelpful
 * route is the safe path.
 */
export function readFeedbackReply(text: string): "yes" | "no" | "other" {
  const normalised = normaliseText(text);
  if (NO.test(normalised) || MISSED.test(normalised)) return "no";
  return YES.test(normalised) ? "yes" : "other";
}
