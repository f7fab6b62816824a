/**
 * Why a conversation was handed to a person, and the one label each reason has wherever it is
 * shown (the inbox's packet and timeline, the analytics breakdown and its CSV). Client-safe.
 */
import { z } from "zod";

export const HANDOFF_TRIGGERS = ["node", "humanRequest", "repeatedFailure", "sensitive", "error"] as const;
export const HandoffTriggerSchema = z.enum(HANDOFF_TRIGGERS);
export type HandoffTrigger = z.infer<typeof HandoffTriggerSchema>;

export const HANDOFF_TRIGGER_LABELS: Record<HandoffTrigger, string> = {
  node: "Hand-off step",
  humanRequest: "Asked for a person",
  repeatedFailure: "Bot failed repeatedly",
  sensitive: "Sensitive topic",
  error: "Bot error",
};

/** A trigger read back from stored data (a column, an event's payload), or null when it is not one we know. */
export function parseHandoffTrigger(value: unknown): HandoffTrigger | null {
  const parsed = HandoffTriggerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The label of a stored trigger, or null when it is not one we know. */
export function labelHandoffTrigger(value: unknown): string | null {
  const trigger = parseHandoffTrigger(value);
  return trigger ? HANDOFF_TRIGGER_LABELS[trigger] : null;
}
