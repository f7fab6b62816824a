/**
 * How long a customer has been waiting for a person, and the queue order that follows from it
 * (client-safe, pure).
 */
import { PRIORITY_RANK } from "~/runtime/handoff-packet";
import type { QueueRow } from "./queues";

export type WaitFacts = { status: string; escalatedAt: Date | null; lastAgentAt: Date | null; firstUnansweredAt: Date | null };

/**
 * When the customer started waiting for a person: the handoff, until an agent answers after
 * it; then their first line after the last agent reply. An open conversation where the agent
 * spoke last has nobody waiting (null); one moved back to a queue (waiting, unassigned) waits
 * from that last reply on, since nobody has it.
 */
export function waitingSince(row: WaitFacts): Date | null {
  if (row.status !== "waiting" && row.status !== "open") return null;
  const answeredSinceHandoff = row.lastAgentAt && (!row.escalatedAt || row.lastAgentAt >= row.escalatedAt);
  if (!answeredSinceHandoff) return row.escalatedAt ?? row.firstUnansweredAt;
  return row.firstUnansweredAt ?? (row.status === "waiting" ? row.lastAgentAt : null);
}

/** Priority first; then whoever has waited longest; rows where nobody waits last, most recent first. */
export function byPriorityThenWait(now: number) {
  return (a: QueueRow, b: QueueRow) => {
    const byPriority = PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority];
    if (byPriority !== 0) return byPriority;
    const waitA = a.waitingSince ? now - Date.parse(a.waitingSince) : -1;
    const waitB = b.waitingSince ? now - Date.parse(b.waitingSince) : -1;
    if (waitA !== waitB) return waitB - waitA;
    return Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt);
  };
}
