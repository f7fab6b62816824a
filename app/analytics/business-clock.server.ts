/**
 * The first-response clock in business time: each team's hours (a handful of rows, read once per
 * report), applied to the team the conversation is with now. No team, or a team that is always
 * open, measures wall time.
 */
import { db } from "~/utils/db.server";
import { businessMsBetween, isAlwaysOpen, parseBusinessHours, type BusinessHours } from "~/workspace/business-hours";
import type { BusinessClock } from "./metrics";

export async function loadBusinessClock(): Promise<BusinessClock> {
  const teams = await db.team.findMany({ select: { id: true, timeZone: true, hours: true, holidays: true } });
  const hoursByTeam = new Map<string, BusinessHours>();
  for (const team of teams) {
    const hours = parseBusinessHours(team);
    if (!isAlwaysOpen(hours)) hoursByTeam.set(team.id, hours);
  }
  return (facts, start, end) => {
    const hours = facts.teamId ? hoursByTeam.get(facts.teamId) : undefined;
    return hours ? businessMsBetween(hours, new Date(start), new Date(end)) : end - start;
  };
}
