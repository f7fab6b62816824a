/**
 * A conversation's status, the small explicit set every surface shares: `bot` (the flow is
 * talking), `waiting` (handed off, in a team's queue, nobody has it yet), `open` (a person has
 * it), `resolved`. Client-safe.
 */
import { z } from "zod";

export const CONVERSATION_STATUSES = ["bot", "waiting", "open", "resolved"] as const;
export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** The statuses in which a person is responsible: the working queues and a team's active count. */
export const WITH_A_PERSON: readonly ConversationStatus[] = ["waiting", "open"];

export function isConversationStatus(value: unknown): value is ConversationStatus {
  return ConversationStatusSchema.safeParse(value).success;
}
