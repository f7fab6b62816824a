import { z } from "zod";
import { FieldNameSchema } from "../shared/field-name";
import type { HandleDefinition } from "../types";

export const SetModeSchema = z.enum(["text", "expression"]);
export type SetMode = z.infer<typeof SetModeSchema>;

export const SetDataSchema = z.strictObject({
  field: FieldNameSchema.default("field"),
  /** "text": `value` is a text with `{{field}}` details; "expression": a small calculation (see expression.ts). */
  mode: SetModeSchema.default("text"),
  value: z.string().max(1000).default(""),
});
export type SetData = z.infer<typeof SetDataSchema>;

export const setHandles = (): HandleDefinition[] => [{ id: "next", label: "Next" }];
