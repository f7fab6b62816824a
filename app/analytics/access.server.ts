/**
 * Who may see which analytics. Admins see every conversation and may narrow to any flow or
 * team; agents see only their teams (Membership): without a team filter that is all of their
 * teams together, and asking for another team is refused with 403 (whether it exists or not,
 * so the answer tells an agent nothing about other teams).
 */
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/utils/db.server";
import type { TeamScope } from "./cohort.server";

export type Option = { id: string; slug: string; name: string };
export type AnalyticsAccess = { flows: Option[]; teams: Option[]; seesAllTeams: boolean };

export type ScopeOutcome =
  | { ok: true; flow: Option | null; team: Option | null; teams: TeamScope | null }
  | { ok: false; status: 400 | 403; field: "flow" | "team"; message: string };

export async function getAnalyticsAccess(viewer: Pick<SessionUser, "id" | "role">): Promise<AnalyticsAccess> {
  const seesAllTeams = viewer.role === "admin";
  const [flows, teams] = await Promise.all([
    // Flows that customers could have talked to: at least one published version.
    db.flow.findMany({ where: { versions: { some: { number: { not: null } } } }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    db.team.findMany({
      where: seesAllTeams ? {} : { memberships: { some: { userId: viewer.id } } },
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true },
    }),
  ]);
  return { flows, teams, seesAllTeams };
}

/** Said the same way whether the team exists or not. */
const TEAM_REFUSED = "You can see the analytics of your own teams only: Analytics in the menu shows them.";

const teamScope = (teams: Option[]): TeamScope => ({ teamIds: teams.map((team) => team.id), teamSlugs: teams.map((team) => team.slug) });

export function resolveScope(access: AnalyticsAccess, request: { flow?: string; team?: string }): ScopeOutcome {
  const flow = request.flow ? access.flows.find((option) => option.slug === request.flow) : null;
  if (request.flow && !flow) return { ok: false, status: 400, field: "flow", message: `There is no published flow "${request.flow}"` };
  const team = request.team ? access.teams.find((option) => option.slug === request.team) : null;
  if (request.team && !team) {
    return access.seesAllTeams
      ? { ok: false, status: 400, field: "team", message: `There is no team "${request.team}"` }
      : { ok: false, status: 403, field: "team", message: TEAM_REFUSED };
  }
  if (team) return { ok: true, flow: flow ?? null, team, teams: teamScope([team]) };
  return { ok: true, flow: flow ?? null, team: null, teams: access.seesAllTeams ? null : teamScope(access.teams) };
}
