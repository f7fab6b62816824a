/**
 * The wait estimate on the handoff notice: the median time from the first handoff
 * (firstEscalatedAt; escalatedAt on older rows) to the first human reply of the team's
 * conversations handed off in the last 7 days — the analytics' "first human response". A
 * reopen moves escalatedAt past the reply, so it is never the start. Fewer than 3 answered handoffs is too little to promise anything, so it is null and
 * the page says "a few minutes". The median ignores the odd overnight outlier a mean would
 * not. Cached per team for a minute: it moves slowly and the chat page reads it on every load.
 * With business hours set, each wait counts business time only (a Friday-evening handoff answered
 * Monday 9:05 waited minutes, not days): the time until the team opens is added by the notice
 * (estimateWaitMinutes), so a closed team is never counted twice.
 */
import { db } from "~/utils/db.server";
import { businessMsBetween } from "~/workspace/business-hours";
import { getTeamHours } from "~/workspace/team-availability.server";
import { medianMinutes } from "./wait-estimate";

const WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_SAMPLES = 500;
const CACHE_MS = 60_000;

const cache = new Map<string, { at: number; minutes: number | null }>();

export async function getWaitEstimateMinutes(teamId: string, now = Date.now()): Promise<number | null> {
  const cached = cache.get(teamId);
  if (cached && now - cached.at < CACHE_MS) return cached.minutes;
  const since = new Date(now - WINDOW_MS);
  const hours = await getTeamHours(db, teamId);
  const rows = await db.conversation.findMany({
    where: { teamId, firstHumanResponseAt: { not: null }, OR: [{ firstEscalatedAt: { gte: since } }, { firstEscalatedAt: null, escalatedAt: { gte: since } }] },
    orderBy: { escalatedAt: "desc" },
    take: MAX_SAMPLES,
    select: { escalatedAt: true, firstEscalatedAt: true, firstHumanResponseAt: true },
  });
  const minutes = medianMinutes(
    rows.flatMap((row) => {
      const start = row.firstEscalatedAt ?? row.escalatedAt;
      if (!start || !row.firstHumanResponseAt) return [];
      return [hours ? businessMsBetween(hours, start, row.firstHumanResponseAt) : row.firstHumanResponseAt.getTime() - start.getTime()];
    }),
  );
  cache.set(teamId, { at: now, minutes });
  return minutes;
}
