/**
 * Snooze: an agent puts a conversation out of the working queues (Needs me, Mine, All open, the
 * team's Waiting) until a time, or until the customer writes again. "Until they write" is stored
 * as a far-future time; any customer message clears a snooze (see the turn engine), so a
 * customer is never left unseen behind one.
 */
import { db } from "~/utils/db.server";

export const UNTIL_CUSTOMER_WRITES = new Date("9999-12-31T00:00:00.000Z");

export type SnoozeChoice = { until: Date } | { untilReply: true };

export async function snoozeConversation(conversationId: string, choice: SnoozeChoice): Promise<Date> {
  const until = "until" in choice ? choice.until : UNTIL_CUSTOMER_WRITES;
  await db.conversation.update({ where: { id: conversationId }, data: { snoozedUntil: until }, select: { id: true } });
  return until;
}

export async function wakeConversation(conversationId: string): Promise<void> {
  await db.conversation.update({ where: { id: conversationId }, data: { snoozedUntil: null }, select: { id: true } });
}

/** The snooze menu's choices: an hour, four hours, tomorrow at 9:00 (server time), or until they write. */
export function snoozeChoice(choice: "1h" | "4h" | "tomorrow" | "reply", now: Date): SnoozeChoice {
  if (choice === "reply") return { untilReply: true };
  if (choice === "tomorrow") {
    const morning = new Date(now);
    morning.setDate(morning.getDate() + 1);
    morning.setHours(9, 0, 0, 0);
    return { until: morning };
  }
  return { until: new Date(now.getTime() + (choice === "1h" ? 1 : 4) * 60 * 60 * 1000) };
}
