import { normaliseText } from "../shared/normalise";

const YES = /^(yes|y|yeah|yep|yup|sure|ok|okay|it did|it helped|that helped|helpful|thanks|thank you|thx|perfect|great|si|oui|ja|sim|claro|genial|merci|danke|obrigad[oa]|gracias)\b/;
const NO = /^(no|n|nope|nah|not|non|nein|nao|didn'?t|did not|it didn'?t|not really)\b/;

/**
 * Reads a text reply to "Did this help?". Anything that is not clearly a yes counts as not
 * helpful: the flow author's notHelpful route is the safe path. A reply that is neither yes nor
 * no is probably a new question, so it stays pending for a following KB node.
 */
export function readFeedbackReply(text: string): "yes" | "no" | "other" {
  const normalised = normaliseText(text);
  if (NO.test(normalised)) return "no";
  return YES.test(normalised) ? "yes" : "other";
}
