import { z } from "zod";
import type { HandleDefinition } from "../types";

/** Intent names are also output handle ids, so they are short identifiers. */
export const IntentNameSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Use letters, digits, - and _ only (e.g. order_status)")
  .refine((name) => name !== "unsure", "\"unsure\" is reserved for messages the bot does not understand");

export const IntentDataSchema = z
  .strictObject({
    intents: z
      .array(
        z.strictObject({
          name: IntentNameSchema,
          examples: z.array(z.string().max(500)).max(200).default([]),
        }),
      )
      .max(50)
      .default([]),
    threshold: z.number().min(0).max(1).default(0.6),
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

export const intentHandles = (data: IntentData): HandleDefinition[] => [
  ...data.intents.map((intent) => ({ id: intent.name, label: intent.name.replace(/[_-]+/g, " ") })),
  { id: UNSURE, label: "Not sure", failure: true },
];

/** Fewer examples than this is an error; fewer than RECOMMENDED_EXAMPLES a warning. */
export const MIN_EXAMPLES = 2;
export const RECOMMENDED_EXAMPLES = 3;
