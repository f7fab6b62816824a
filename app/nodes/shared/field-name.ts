import { z } from "zod";

/** Field names appear in `{{field}}` templates, so they are identifiers. */
export const FieldNameSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _ only, starting with a letter (e.g. order_id)");

/** "deliveryDate" → "delivery date": a field's name in words, as the builder shows it. */
export function describeField(field: string): string {
  return field.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/**
 * "order_id" → "order number": a field as people call it — the customer in a retry hint, the
 * agent in a handoff cause. The flow's question says "order number"; a hint that answers with
 * "order id" reads like a different thing was asked for.
 */
export function describeFieldToPeople(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length > 1 && words[words.length - 1] === "id") words[words.length - 1] = "number";
  return words.join(" ");
}
