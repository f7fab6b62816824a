/**
 * Whether a customer's message is too short or vague to be a gap in the knowledge base: "not
 * sure", "ok", "hmm", "I have a question about something", a greeting. The intent step and the
 * KB step log these as unanswered like any other line, but no article could answer them, so the
 * list of questions the bot couldn't answer counts them apart (and shows them on request) instead
 * of ranking them above real questions.
 *
 * Rules, not a model, so a lead can predict them: a message is a short reply when it is only
 * social phrases (greetings, thanks, small talk: `readSocial`), or when fewer than two of its words
 * say anything — function words, placeholders ("something", "thing", "one") and bare time
 * references ("last week") do not. Question words count: "where is my order" is a question.
 */
import { STOP_WORDS } from "~/engines/local/text";
import { readSocial } from "~/nodes/intent/social";

const MIN_CONTENT_WORDS = 2;

// Question words say what is asked ("where is my order"): content here, though the search drops them.
const QUESTION_WORDS = new Set(["can", "what", "when", "which", "who"]);

const EMPTY_WORDS = new Set([
  ...[...STOP_WORDS].filter((word) => !QUESTION_WORDS.has(word)),
  ...(
    // The halves of contractions split below ("don't" → "don", "t").
    "s t d ll re ve m don doesn didn isn aren wasn won cant " +
    // Placeholders and non-answers: they stand for a subject without naming it.
    "not sure maybe hmm hm um uh uhm er about something anything everything thing things stuff question questions " +
    "one ones it issue help ok okay yes no yeah yep nope idk dunno just please thanks hi hello hey " +
    // Bare time references: "the one from last week" does not say what it is.
    "last week weeks yesterday today ago earlier day days month before"
  ).split(" "),
]);

/** The words of a message that say what it is about. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !EMPTY_WORDS.has(word));
}

export function isShortReply(text: string): boolean {
  return readSocial(text).kind !== null || contentWords(text).length < MIN_CONTENT_WORDS;
}
