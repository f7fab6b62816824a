import { z } from "zod";
import { FieldNameSchema } from "../shared/field-name";
import { AnswerFormatSchema } from "./formats";
import type { HandleDefinition } from "../types";

export const FieldTypeSchema = z.enum(["text", "email", "phone", "number", "pattern", "choice", "date", "yesno"]);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const CollectDataSchema = z.strictObject({
  field: FieldNameSchema.default("field"),
  question: z.string().max(2000).default(""),
  type: FieldTypeSchema.default("text"),
  /** A regular expression, for type "pattern" (matched case-insensitively), when `format` is "regex" or unset. */
  pattern: z.string().max(500).default(""),
  /** For type "pattern": a preset that generates the pattern (formats.ts); unset means the pattern as written. */
  format: AnswerFormatSchema.optional(),
  /** The options, for type "choice" (shown as buttons). */
  choices: z.array(z.string().min(1).max(200)).max(20).default([]),
  /** How many times the question is asked again after an invalid answer. */
  retries: z.number().int().min(0).max(5).default(2),
});
export type CollectData = z.infer<typeof CollectDataSchema>;

/** What the validators and extractors need to know about a field. */
export type FieldSpec = Pick<CollectData, "field" | "type" | "pattern" | "choices"> & {
  /** For a preset format, what a valid answer looks like in words ("10 digits", "like AB-1234"): the retry hint says it. */
  expected?: string;
};

export const collectHandles = (): HandleDefinition[] => [
  { id: "captured", label: "Captured" },
  { id: "failed", label: "Failed", failure: true },
];
