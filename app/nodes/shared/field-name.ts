import { z } from "zod";
import { identifierWords } from "~/utils/identifier-words";

/** Field names appear in `{{field}}` templates, so they are identifiers. */
export const FieldNameSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _ only, starting with a letter (e.g. order_id)");

/** "deliveryDate" → "delivery date": a field's name in words, as the builder shows it. */
export function describeField(field: string): string {
  return identifierWords(field).join(" ");
}

/**
 * "order_id" → "order number": a field as people call it — the customer in a retry hint, the
 * agent in a handoff cause. The flow's question says "order number"; a hint that answers with
 * "order id" reads like a different thing was asked for.
 */
export function describeFieldToPeople(field: string): string {
  const words = identifierWords(field);
  if (words.length > 1 && words[words.length - 1] === "id") words[words.length - 1] = "number";
  return words.join(" ");
}
