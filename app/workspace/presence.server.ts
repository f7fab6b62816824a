/**
 * Who of a team is online, for the customer's handoff notice. Online means: the person is marked
 * available ("online", not "away", in the inbox), is active, and their signed-in session was used
 * within the last PRESENCE_WINDOW_MS — every open Baton staff page checks in once a minute
 * (GET /presence, see components/app-shell.tsx), and any page load counts too. So closing the
 * last staff tab makes a person offline within three minutes.
 */
import type { Db } from "~/utils/db.server";

export const PRESENCE_WINDOW_MS = 3 * 60_000;
export const PRESENCE_HEARTBEAT_MS = 60_000;

export async function countOnlineMembers(db: Db, teamId: string, now = new Date()): Promise<number> {
  return db.user.count({
    where: {
      deactivatedAt: null,
      availability: "online",
      memberships: { some: { teamId } },
      sessions: { some: { lastSeenAt: { gte: new Date(now.getTime() - PRESENCE_WINDOW_MS) }, expiresAt: { gt: now } } },
    },
  });
}
