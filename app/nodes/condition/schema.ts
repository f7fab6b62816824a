import { z } from "zod";
import { FieldNameSchema } from "../shared/field-name";
import type { HandleDefinition } from "../types";

export const ConditionOperatorSchema = z.enum(["equals", "contains", "matches", "exists", "gt", "lt"]);
export type ConditionOperator = z.infer<typeof ConditionOperatorSchema>;

export const ConditionDataSchema = z.strictObject({
  field: FieldNameSchema.default("field"),
  operator: ConditionOperatorSchema.default("equals"),
  value: z.union([z.string().max(500), z.number()]).default(""),
});
export type ConditionData = z.infer<typeof ConditionDataSchema>;

export const conditionHandles = (): HandleDefinition[] => [
  { id: "true", label: "Yes" },
  { id: "false", label: "No" },
];
