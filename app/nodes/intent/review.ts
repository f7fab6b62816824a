/**
 * "Messages this step wasn't sure about": what the review list shows (client-safe), how it groups
 * messages, and the one edit it makes to the step — a customer's message appended to an intent's
 * examples in the draft, through the form's normal change (so autosave, undo and live problems
 * treat it as a typed example). Leads confirm each example rather than the step learning from its
 * own guesses: a wrong guess would teach it its own mistakes.
 */
import { MAX_EXAMPLE_LENGTH, MAX_EXAMPLES, type IntentData } from "./schema";

/** Below this a taken intent still shows up for review (about one in five such guesses is wrong). */
export const REVIEW_CONFIDENCE = 0.8;
export const REVIEW_WINDOW_DAYS = 30;

/** One distinct message: its latest wording and verdict, and how many times customers sent it. */
export type ReviewItem = {
  text: string;
  count: number;
  lastSeenAt: string;
  /** The bot's top guess at the latest sending, whether or not it was taken. */
  guess: { name: string; confidence: number } | null;
  /** The latest sending went to "Not sure". */
  notSure: boolean;
};

/**
 * The key messages and examples are compared by: case, spacing and trailing punctuation do not
 * make another message ("Where is my order?" is "where is my order").
 */
export function normaliseMessage(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, " ").trim().replace(/[\s?!.]+$/, "");
}

/** The intent that already has this message as an example, if any. */
export function intentWithExample(data: IntentData, text: string): string | null {
  const key = normaliseMessage(text);
  return data.intents.find((intent) => intent.examples.some((example) => normaliseMessage(example) === key))?.name ?? null;
}

/**
 * The step's data with `text` appended to the examples of `intentName`; the same data (no edit,
 * no undo step) when any intent already has it, the intent is gone, or the list is full.
 */
export function addExample(data: IntentData, intentName: string, text: string): IntentData {
  const example = text.trim().slice(0, MAX_EXAMPLE_LENGTH);
  if (!example || intentWithExample(data, example) !== null) return data;
  const index = data.intents.findIndex((intent) => intent.name === intentName);
  if (index < 0 || data.intents[index].examples.length >= MAX_EXAMPLES) return data;
  return { ...data, intents: data.intents.map((intent, at) => (at === index ? { ...intent, examples: [...intent.examples, example] } : intent)) };
}
