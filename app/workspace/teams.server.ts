/**
 * Teams: the queues conversations are handed off to. Flows name teams by slug, so a slug never
 * changes once created; removing a team with conversations still waiting or open is refused
 * (they would drop out of every queue).
 */
import { slugify } from "./schemas";
import type { TeamHoursInput } from "./team-hours-form";
import type { Db } from "~/utils/db.server";
import { REAL_CHANNEL } from "~/vocabulary/channels";
import { WITH_A_PERSON } from "~/vocabulary/conversation-status";

export type Outcome = { ok: true } | { ok: false; message: string; field?: string };

export async function listTeams(db: Db) {
  return db.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      slaMinutes: true,
      assignment: true,
      timeZone: true,
      hours: true,
      holidays: true,
      awayEmailPrompt: true,
      _count: { select: { memberships: true } },
    },
  });
}

export async function createTeam(db: Db, input: { name: string; slug: string }): Promise<Outcome> {
  const slug = input.slug || slugify(input.name);
  if (!slug) return { ok: false, field: "slug", message: "Enter a slug (letters or digits)" };
  const taken = await db.team.findUnique({ where: { slug }, select: { id: true } });
  if (taken) return { ok: false, field: "slug", message: `A team with the slug "${slug}" already exists` };
  await db.team.create({ data: { name: input.name, slug }, select: { id: true } });
  return { ok: true };
}

export async function removeTeam(db: Db, teamId: string): Promise<Outcome> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) return { ok: false, message: "That team no longer exists" };
  // Preview runs of the flow builder hand off too, but nobody works them: they never block.
  const active = await db.conversation.count({ where: { teamId, status: { in: [...WITH_A_PERSON] }, channel: REAL_CHANNEL } });
  if (active > 0) {
    return { ok: false, message: `${team.name} still has ${active} waiting or open conversation${active === 1 ? "" : "s"}. Reassign or resolve them first.` };
  }
  await db.team.delete({ where: { id: teamId }, select: { id: true } });
  return { ok: true };
}

/** How a team's queue is worked: the first-response target (SLA) and manual claim or round robin. */
export async function updateTeamQueueSettings(db: Db, input: { teamId: string; slaMinutes: number; assignment: "manual" | "round_robin" }): Promise<Outcome> {
  const team = await db.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
  if (!team) return { ok: false, message: "That team no longer exists" };
  await db.team.update({ where: { id: input.teamId }, data: { slaMinutes: input.slaMinutes, assignment: input.assignment }, select: { id: true } });
  return { ok: true };
}

/** Business hours: the weekly schedule ({} = always open), its time zone, closed dates and the email offer's wording. */
export async function updateTeamHours(db: Db, input: TeamHoursInput): Promise<Outcome> {
  const team = await db.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
  if (!team) return { ok: false, message: "That team no longer exists" };
  await db.team.update({
    where: { id: input.teamId },
    data: { timeZone: input.timeZone, hours: JSON.stringify(input.weekly), holidays: JSON.stringify(input.holidays), awayEmailPrompt: input.awayEmailPrompt },
    select: { id: true },
  });
  return { ok: true };
}
