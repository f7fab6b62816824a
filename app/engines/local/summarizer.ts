/**
 * The embedded Summarizer for the handoff packet: extractive, so every word the agent reads
 * was said in the conversation. The problem is the customer's most informative message(s)
 * (the first substantive one, plus the longest later one when it adds something); then the
 * intent, the captured fields, what the bot tried, and why it handed off.
 */
import { formatConfidence } from "~/utils/confidence";
import { identifierWords } from "~/utils/identifier-words";
import { describeOfferOutcome } from "~/vocabulary/offer-answers";
import { summariseOffers } from "~/runtime/handoff-packet";
import { indexTerms, splitSentences } from "./text";
import type { SummaryInput, Summarizer } from "../types";

const MAX_PROBLEM_CHARS = 300;

export class LocalSummarizer implements Summarizer {
  async summarize(input: SummaryInput): Promise<{ text: string }> {
    return { text: summarizeExtractively(input) };
  }
}

export function summarizeExtractively(input: SummaryInput): string {
  const lines: string[] = [];
  const problem = describeProblem(input.transcript.filter((line) => line.role === "customer").map((line) => line.text));
  lines.push(problem ? `Customer: ${problem}` : "Customer: no description given.");
  // The flow's intent name is the lead's own and its id at once (the flow format has no separate
  // label): the agent reads it in words, as the builder shows it ("shipping_info", "shippingInfo"
  // → "shipping info"), and the same figure as the packet's intent bar: 0.996 is "99%", never certainty.
  if (input.intent) lines.push(`Intent: ${describeIntent(input.intent.name)} (${formatConfidence(input.intent.confidence)}).`);
  const fields = Object.entries(input.fields);
  if (fields.length) lines.push(`Captured: ${fields.map(([name, value]) => `${name} = ${value}`).join("; ")}.`);
  const tried: string[] = [];
  if (input.tried.articlesShown.length) {
    tried.push(`answered with ${input.tried.articlesShown.map((article) => `"${article.title}"`).join(", ")}`);
  }
  // An offer is something tried even when the customer picked none of it.
  const offers = summariseOffers(input.tried);
  for (const [what, list] of [["", offers.articles], ["intents ", offers.intents]] as const) {
    for (const offer of list) tried.push(`offered ${what}${offer.labels.map((label) => `"${label}"`).join(", ")} (${describeOfferOutcome(offer.picked ? `"${offer.picked}"` : null, offer.answer)})`);
  }
  if (input.tried.questionsAsked.length) tried.push(`asked ${input.tried.questionsAsked.map((q) => `"${q}"`).join(", ")}`);
  lines.push(tried.length ? `Bot tried: ${tried.join("; ")}.` : "Bot tried: nothing yet.");
  if (input.reason) lines.push(`Handoff reason: ${input.reason}.`);
  return lines.join("\n").replace(/\.\./g, ".");
}

function describeIntent(name: string): string {
  return identifierWords(name).join(" ") || name;
}

/** One or two customer sentences: the first with content, and the most informative new one. */
function describeProblem(messages: string[]): string {
  const sentences = messages.flatMap((message) => splitSentences(message.replace(/\s+/g, " ").trim()));
  const scored = sentences
    .map((sentence, position) => ({ sentence, position, terms: new Set(indexTerms(sentence)) }))
    .filter((entry) => entry.terms.size >= 2);
  if (scored.length === 0) return messages.find((message) => message.trim() !== "")?.trim().slice(0, MAX_PROBLEM_CHARS) ?? "";
  const first = scored[0];
  const seen = first.terms;
  let second: (typeof scored)[number] | undefined;
  let bestNew = 1;
  for (const entry of scored.slice(1)) {
    const fresh = [...entry.terms].filter((term) => !seen.has(term)).length;
    if (fresh > bestNew) {
      bestNew = fresh;
      second = entry;
    }
  }
  const chosen = [first, second].filter((entry): entry is (typeof scored)[number] => entry !== undefined);
  const text = chosen.map((entry) => endSentence(entry.sentence)).join(" ");
  return text.length > MAX_PROBLEM_CHARS ? `${text.slice(0, MAX_PROBLEM_CHARS - 1).trimEnd()}…` : text;
}

function endSentence(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
