/**
 * Can the team answer soon? Read for the customer's handoff notice: "closed" outside the team's
 * business hours (or on a holiday), "nobodyOnline" inside them with no member online
 * (presence.server.ts), else "open".
 */
import type { Db } from "~/utils/db.server";
import { closingAt, nextOpeningAt, parseBusinessHours, type BusinessHours } from "./business-hours";
import { countOnlineMembers } from "./presence.server";

export type TeamAvailability = {
  state: "open" | "closed" | "nobodyOnline";
  /** When the team next opens (ISO), while closed; null when it never opens within a year. */
  opensAt: string | null;
  /** When today's hours end (ISO), while open with hours set. */
  closesAt: string | null;
  timeZone: string;
  /** The team's own wording for the email offer; empty: the chat's default. */
  emailPrompt: string;
};

export const TEAM_HOURS_SELECT = { timeZone: true, hours: true, holidays: true, awayEmailPrompt: true } as const;

export async function getTeamHours(db: Db, teamId: string): Promise<(BusinessHours & { emailPrompt: string }) | null> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: TEAM_HOURS_SELECT });
  return team && { ...parseBusinessHours(team), emailPrompt: team.awayEmailPrompt };
}

export async function getTeamAvailability(db: Db, teamId: string, now = new Date()): Promise<TeamAvailability | null> {
  const hours = await getTeamHours(db, teamId);
  if (!hours) return null;
  const base = { timeZone: hours.timeZone, emailPrompt: hours.emailPrompt };
  const opening = nextOpeningAt(hours, now);
  if (!opening || opening.getTime() > now.getTime()) return { ...base, state: "closed", opensAt: opening?.toISOString() ?? null, closesAt: null };
  const closesAt = closingAt(hours, now)?.toISOString() ?? null;
  const online = await countOnlineMembers(db, teamId, now);
  return { ...base, state: online > 0 ? "open" : "nobodyOnline", opensAt: null, closesAt };
}
