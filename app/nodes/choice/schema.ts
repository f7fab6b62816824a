import { z } from "zod";
import { FieldNameSchema } from "../shared/field-name";
import type { HandleDefinition } from "../types";

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const OTHER = "other";

/** Option ids are the handles edges attach to: kept when the label is reworded or options are reordered. */
export const OptionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "Use letters, digits, - and _ only, starting with a letter")
  .refine((id) => id !== OTHER, `"${OTHER}" is the output for answers that match no option`);

export const ChoiceOptionSchema = z.strictObject({
  id: OptionIdSchema,
  label: z.string().trim().min(1, "Write the button's text").max(80),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

export const ChoiceDataSchema = z
  .strictObject({
    question: z.string().max(2000).default(""),
    options: z.array(ChoiceOptionSchema).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`).default([
      { id: "option_1", label: "Yes" },
      { id: "option_2", label: "No" },
    ]),
    /** Optional: the chosen option's label is saved in this field too. */
    field: FieldNameSchema.optional(),
    /** How many times an answer that matches no option is asked again before `other`. */
    retries: z.number().int().min(0).max(5).default(1),
  })
  .superRefine((data, ctx) => {
    const ids = new Set<string>();
    data.options.forEach((option, index) => {
      if (ids.has(option.id)) ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: `Two options have the id "${option.id}"` });
      ids.add(option.id);
    });
  });
export type ChoiceData = z.infer<typeof ChoiceDataSchema>;

export const choiceHandles = (data: ChoiceData): HandleDefinition[] => [
  ...data.options.map((option) => ({ id: option.id, label: option.label })),
  { id: OTHER, label: "Something else", failure: true },
];
