/**
 * "Messages this step wasn't sure about": what the review list shows (client-safe), how it groups
 * messages, and the one edit it makes to the step — a customer's message appended to an intent's
 * examples in the draft, through the form's normal change (so autosave, undo and live problems
 * treat it as a typed example). Leads confirm each example rather than the step learning from its
 * own guesses: a wrong guess would teach it its own mistakes. That holds for the customer's own
 * pick at "Did you mean…?" too: it pre-selects the intent to add to, and the lead still clicks
 * "Add" (a customer may tap the nearest button to get anywhere).
 */
import { MAX_EXAMPLE_LENGTH, MAX_EXAMPLES, type IntentData } from "./schema";

/** Below this a taken intent still shows up for review (about one in five such guesses is wrong). */
export const REVIEW_CONFIDENCE = 0.8;
export const REVIEW_WINDOW_DAYS = 30;

/**
 * The step's review cut-off, from its own threshold: every message under the threshold went to
 * "Not sure" and is listed; a step that takes intents below 80% also lists those it took under
 * 80%. The query (flow-admin/intent-review.server.ts) and the panel's wording both use this, so
 * the list says exactly what it holds. A message taken under an older, lower threshold is listed
 * when it is under today's cut-off: today it would not be taken.
 */
export function reviewCutoff(threshold: number): number {
  return Math.max(threshold, REVIEW_CONFIDENCE);
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** What the list holds, in the lead's words, for a step with this threshold. */
export function describeReviewScope(threshold: number): string {
  const cutoff = reviewCutoff(threshold);
  const notSure = `went to “Not sure” (under this step's ${percent(threshold)})`;
  return cutoff > threshold ? `${notSure} or was taken at under ${percent(cutoff)}` : notSure;
}

/** Why the list is empty, in the same words. */
export function describeEmptyReview(threshold: number): string {
  return `None in the last ${REVIEW_WINDOW_DAYS} days: what customers said to this step went to an intent at ${percent(reviewCutoff(threshold))} or more, or nobody has talked to it yet.`;
}

/** One distinct message: its latest wording and verdict, and how many times customers sent it. */
export type ReviewItem = {
  text: string;
  count: number;
  lastSeenAt: string;
  /** The bot's top guess at the latest sending, whether or not it was taken. */
  guess: { name: string; confidence: number } | null;
  /** The latest sending went to "Not sure". */
  notSure: boolean;
} & CustomerPick;

/**
 * What the customer did at the "Did you mean…?" that followed a sending: the intent they tapped,
 * or "Something else". Over a row's sendings: the newest confirmed intent (a customer's own label
 * beats any declined or unanswered offer), else declined when any sending was declined.
 */
export type CustomerPick = { confirmed: { name: string } | null; declined: boolean };

/** The customer's pick from the step's next event after the message in that conversation (null: none). */
export function readCustomerPick(next: { type: string; intent: string | null } | null): CustomerPick {
  if (next?.type === "intent.confirmed" && next.intent) return { confirmed: { name: next.intent }, declined: false };
  return { confirmed: null, declined: next?.type === "intent.declined" };
}

/** One sending of a message, as the list query reads it. */
export type Sending = Omit<ReviewItem, "count">;

/**
 * Folds sendings of one message into its row, newest first: the first gives the wording, the
 * verdict and the guess; each counts once and may bring the customer's pick (CustomerPick).
 */
export function foldSending(row: ReviewItem | undefined, sending: Sending): ReviewItem {
  if (!row) return { ...sending, count: 1 };
  const confirmed = row.confirmed ?? sending.confirmed;
  return { ...row, count: row.count + 1, confirmed, declined: confirmed === null && (row.declined || sending.declined) };
}

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
