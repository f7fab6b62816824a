import { z } from "zod";
import { FieldNameSchema } from "../shared/field-name";
import type { HandleDefinition } from "../types";
import { LANGUAGE_CODES, LANGUAGE_NAMES } from "./detect";

export const OTHER_LANGUAGE = "other";

export const LanguageDataSchema = z.strictObject({
  /** The languages the flow branches on, each an output; anything else (or too little to tell) takes `other`. */
  languages: z
    .array(z.enum(LANGUAGE_CODES))
    .min(1, "Pick at least one language")
    .default(["en", "es"])
    .refine((codes) => new Set(codes).size === codes.length, "Each language once"),
  /** The detected language's code (en, es, …) is saved here. */
  field: FieldNameSchema.default("language"),
});
export type LanguageData = z.infer<typeof LanguageDataSchema>;

export const languageHandles = (data: LanguageData): HandleDefinition[] => [
  ...data.languages.map((code) => ({ id: code, label: LANGUAGE_NAMES[code] })),
  { id: OTHER_LANGUAGE, label: "Another or unclear" },
];
