import { z } from "zod";

/** Field names appear in `{{field}}` templates, so they are identifiers. */
export const FieldNameSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _ only, starting with a letter (e.g. order_id)");

export function describeField(field: string): string {
  return field.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
