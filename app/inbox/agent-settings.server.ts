/** An agent's own inbox settings: availability (round robin skips "away") and handoff notifications. */
import { db } from "~/utils/db.server";
import { afterAgentFreed } from "./assignment.server";

export async function setAvailability(userId: string, availability: "online" | "away"): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { availability }, select: { id: true } });
  // Coming online is becoming free: take the next waiting conversation of a round-robin team.
  if (availability === "online") await afterAgentFreed(userId);
}

export async function setNotifyOnHandoff(userId: string, notify: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { notifyOnHandoff: notify }, select: { id: true } });
}
