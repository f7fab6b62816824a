/**
 * The people of the demo workspace: one admin, two agents, two teams. Runs on every start and in
 * tests, so it only CREATES what is missing: a changed password, name or membership is never
 * reset, and a removed team or person comes back on the next start (the demo stays complete).
 */
import type { Db } from "~/utils/db.server";
import { hashPassword } from "~/auth/password.server";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

export const DEMO_PASSWORD = "baton-demo";

export const DEMO_TEAMS = [
  { slug: DEFAULT_TEAM, name: "Support" },
  { slug: "billing", name: "Billing" },
] as const;

export const DEMO_PEOPLE = [
  { email: "admin@baton.local", name: "Ada Admin", role: "admin", teams: [] },
  { email: "ana@baton.local", name: "Ana Agent", role: "agent", teams: [DEFAULT_TEAM] },
  { email: "ben@baton.local", name: "Ben Agent", role: "agent", teams: ["billing"] },
] as const;

export type SeedPeopleReport = { createdTeams: string[]; createdPeople: string[] };

export function demoPassword(): string {
  return process.env.SEED_PASSWORD || DEMO_PASSWORD;
}

export async function seedPeople(db: Db): Promise<SeedPeopleReport> {
  const report: SeedPeopleReport = { createdTeams: [], createdPeople: [] };
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const existing = await db.team.findUnique({ where: { slug: team.slug }, select: { id: true } });
    const row = existing ?? (await db.team.create({ data: team, select: { id: true } }));
    if (!existing) report.createdTeams.push(team.slug);
    teamIds.set(team.slug, row.id);
  }
  let passwordHash: string | undefined;
  for (const person of DEMO_PEOPLE) {
    const existing = await db.user.findUnique({ where: { email: person.email }, select: { id: true } });
    if (existing) continue;
    passwordHash ??= await hashPassword(demoPassword());
    await db.user.create({
      data: {
        email: person.email,
        name: person.name,
        role: person.role,
        passwordHash,
        memberships: { create: person.teams.map((slug) => ({ teamId: teamIds.get(slug) as string })) },
      },
      select: { id: true },
    });
    report.createdPeople.push(person.email);
  }
  return report;
}
