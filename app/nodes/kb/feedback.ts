import { normaliseText } from "../shared/normalise";
import { isQuestion } from "../shared/question";

const YES_WORDS = "yes|y|yeah|yep|yup|sure|ok|okay|it did|it helped|that helped|helpful|thanks|thank you|thx|perfect|great|si|oui|ja|sim|claro|genial|merci|danke|obrigad[oa]|gracias";
const YES = new RegExp(`^(?:${YES_WORDS})\\b`);
// What opens a reply before the follow-up it asks: yes-words and the links after them ("ok and…", "thanks! also…"), with their punctuation.
const YES_OPENING = new RegExp(`^(?:(?:${YES_WORDS}|and|but|also|so|then|now|btw|by the way|one more thing|one more question|another question|quick question)\\b[\\s,.;:!–—-]*)+`);
const NO = /^(no|n|nope|nah|not|non|nein|nao|didn'?t|did not|it didn'?t|not really)\b/;
// Saying the answer missed, anywhere in the reply: "that's not it", "this doesn't answer my question", "wrong article".
const MISSED =
  /\b(?:not (?:it|helpful|useful|right|what i (?:asked|meant|wanted|need|needed|was looking for))|(?:didn'?t|doesn'?t|did not|does not|won'?t) (?:help|answer|work)|wrong (?:answer|article|one)|useless|no help)\b/;

function saysNo(normalised: string): boolean {
  return NO.test(normalised) || MISSED.test(normalised);
}

/** One character lower-case and without diacritics ("Sí" → "si"); punctuation stays, so a "?" still ends a question. */
function foldChar(char: string): string {
  return char.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’`]/g, "'");
}

/** The reply's words after its yes-opening, as the customer wrote them: "Thanks! And do you ship to Canada?" → "do you ship to Canada?". */
function afterYesOpening(text: string): string {
  const trimmed = text.trim();
  // Folded character by character, so the opening's length in the folded text maps back to the customer's own text.
  const start: number[] = [];
  let folded = "";
  for (const [index, char] of Array.from(trimmed).entries()) {
    const foldedChar = foldChar(char);
    for (let i = 0; i < foldedChar.length; i += 1) start.push(index);
    folded += foldedChar;
  }
  const opening = folded.match(YES_OPENING)?.[0].length ?? 0;
  return opening < folded.length ? Array.from(trimmed).slice(start[opening]).join("") : "";
}

/**
 * Whether a reply that says yes also asks something after it ("ok and how much is standard
 * shipping?", "thanks! and do you ship to Canada?", "yes. how do I return it?"): what is left once the
 * yes-words and the links after them are taken off is a question. "ok thanks", "great, thank you!" and
 * "yes it did, thanks so much" leave nothing that asks.
 */
function asksBesidesYes(text: string): boolean {
  const rest = afterYesOpening(text);
  return normaliseText(rest) !== "" && isQuestion(rest);
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

/** Whether the reply opens with a yes (and says no nowhere): "thanks! and do you ship to Canada?" says the answer helped. */
export function saysHelpful(text: string): boolean {
  const normalised = normaliseText(text);
  return YES.test(normalised) && !saysNo(normalised);
}

/**
 * Reads a text reply to "Did this help?". A yes is "yes"; a no, or saying the answer missed
 * ("that's not it"), is "no" — unless the reply also asks something: then the question must not be
 * lost, and it is "other" like any reply that may be a new question (the kb step looks it up,
 * new-question.ts; a yes still counts as helpful, saysHelpful; after a no that nothing answers, the
 * answer still counts as not helpful). Anything else is "other" too.
 */
export function readFeedbackReply(text: string): "yes" | "no" | "other" {
  const normalised = normaliseText(text);
  if (saysNo(normalised)) return asksBesidesNo(text) ? "other" : "no";
  if (!YES.test(normalised)) return "other";
  return asksBesidesYes(text) ? "other" : "yes";
}

/**
 * What to look up for a reply to "Did this help?": the follow-up alone after a yes ("ok and how much is
 * shipping?" → "how much is shipping?"; the yes is feedback, and its words would only lower the match),
 * else the whole reply ("That didn't help. How do I cancel?" is looked up whole, as before).
 */
export function questionInReply(text: string): string {
  return saysHelpful(text) && asksBesidesYes(text) ? afterYesOpening(text) : text;
}

/** Whether the reply asks something, including after a yes ("ok and how much is shipping" has no "?" and opens with "ok"). */
export function asksInReply(text: string): boolean {
  return isQuestion(text) || (YES.test(normaliseText(text)) && asksBesidesYes(text));
}
