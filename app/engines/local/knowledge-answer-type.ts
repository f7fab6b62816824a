/**
 * What kind of answer a question asks for — a procedure ("how do I…"), an amount ("how much",
 * "costs"), a time or duration ("how long", "when") — and whether a text holds an amount or a
 * time. The extractive answer prefers passages of the asked kind (passage.ts), and the ranking
 * prefers articles whose passages about the question hold it (knowledge-ranker.ts): "how long
 * does standard shipping take?" wants the article with "3–5 business days", not the one that
 * only mentions the shipping fee.
 */
export type AnswerType = "procedure" | "amount" | "time" | null;

const PROCEDURE_QUESTION = /\bhow (?:do|can|should|would|to)\b|\bwhat (?:do|should) (?:i|we) do\b|\bsteps?\b/i;
const AMOUNT_QUESTION = /\bhow much\b|\bcosts?\b|\bprices?\b|\bfees?\b/i;
const TIME_QUESTION = /\bhow long\b|\bhow soon\b|\bwhen\b|\bwhat time\b|\bhow many (?:days|hours|weeks|minutes)\b/i;
export const AMOUNT = /[$€£]\s?\d|\bfree\b/i;
export const TIME =
  /\b\d+(?:[–-]\d+)?\s*(?:minutes?|hours?|(?:business )?days?|weeks?|months?|years?|am|pm)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|24\/7)\b/i;

export function answerTypeOf(question: string): AnswerType {
  if (AMOUNT_QUESTION.test(question)) return "amount";
  if (TIME_QUESTION.test(question)) return "time";
  if (PROCEDURE_QUESTION.test(question)) return "procedure";
  return null;
}

/** Whether the text holds an answer of the kind (procedures are told by their structure, not their words: never here). */
export function holdsAnswerType(text: string, type: AnswerType): boolean {
  if (type === "amount") return AMOUNT.test(text);
  if (type === "time") return TIME.test(text);
  return false;
}
