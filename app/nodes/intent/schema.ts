import { z } from "zod";
import { identifierWords } from "~/utils/identifier-words";
import type { HandleDefinition } from "../types";

/** Intent names are also output handle ids, so they are short identifiers. */
export const IntentNameSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Use letters, digits, - and _ only (e.g. order_status)")
  .refine((name) => name !== "unsure", "\"unsure\" is reserved for messages the bot does not understand");

/** The longest example phrase (a customer's message added from the review list is cut to it). */
export const MAX_EXAMPLE_LENGTH = 500;
/** The most example phrases per intent. */
export const MAX_EXAMPLES = 200;

/** The intents as typed (names and example phrases), also what the "test phrases" box sends. */
export const IntentListSchema = z
  .array(
    z.strictObject({
      name: IntentNameSchema,
      examples: z.array(z.string().max(MAX_EXAMPLE_LENGTH)).max(MAX_EXAMPLES).default([]),
    }),
  )
  .max(50);

export const IntentDataSchema = z
  .strictObject({
    intents: IntentListSchema.default([]),
    // The confidence is a calibrated probability. 0.7: on CLINC150 a–m intents (val.json), 2–6
    // intents × 6 phrases, 30 trials per size, the lowest threshold on the form's 5% steps that
    // kept unrelated messages taken ≤ 4% (0.65: 4.04%, 0.7: 3.5%, with the intent names read as
    // examples and the 1/K calibration of intent-calibration.ts); `npm run -s nlu -- small-flows` reports it, on n–z too.
    threshold: z.number().min(0).max(1).default(0.7),
    // Off for stored steps that lack it, so a flow that works today behaves the same; new steps get it on (index.ts).
    /** When no intent reaches the threshold, ask "Did you mean…?" with the closest intents (offer.ts) before "Not sure". */
    offerChoices: z.boolean().default(false),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.intents.forEach((intent, index) => {
      if (seen.has(intent.name)) {
        ctx.addIssue({ code: "custom", path: ["intents", index, "name"], message: `Two intents are named "${intent.name}": names must be unique` });
      }
      seen.add(intent.name);
    });
  });
export type IntentData = z.infer<typeof IntentDataSchema>;

export const UNSURE = "unsure";

/** An intent's name as the words a customer reads on its button ("order_status", "orderStatus" → "Order status"). */
export function intentLabel(name: string): string {
  const words = identifierWords(name).join(" ") || name;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const intentHandles = (data: IntentData): HandleDefinition[] => [
  ...data.intents.map((intent) => ({ id: intent.name, label: intent.name.replace(/[_-]+/g, " ") })),
  { id: UNSURE, label: "Not sure", failure: true },
];

/**
 * Fewer examples than this is an error; fewer than RECOMMENDED_EXAMPLES a warning. Five: the
 * default threshold's figures (README, small flows) are measured with six phrases per intent,
 * and with three the classifier is right noticeably less often.
 */
export const MIN_EXAMPLES = 2;
export const RECOMMENDED_EXAMPLES = 5;
