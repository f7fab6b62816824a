import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { absoluteLink } from "~/auth/password-links.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { PageHeader } from "~/components/page";
import { afterAgentFreed, assignWaiting } from "~/inbox/assignment.server";
import teamsStyles from "~/styles/teams.css";
import { db } from "~/utils/db.server";
import { LinkPanel } from "~/workspace/components/link-panel";
import { PeopleCard } from "~/workspace/components/people-card";
import { TeamsCard } from "~/workspace/components/teams-card";
import { TEAMS_INTENTS, type TeamsActionData, type TeamsIntent } from "~/workspace/components/teams-action";
import { createLinkFor, invitePerson, listPeople, removePerson, savePerson, type Invited } from "~/workspace/people.server";
import { deactivatePerson, reactivatePerson } from "~/workspace/person-access.server";
import { AssignmentSchema, NewPersonSchema, PersonRowSchema, SlaMinutesSchema, TeamNameSchema, TeamSlugSchema } from "~/workspace/schemas";
import { TeamHoursCard } from "~/workspace/components/team-hours-card";
import { TeamHoursFormSchema } from "~/workspace/team-hours-form";
import { createTeam, listTeams, removeTeam, updateTeamHours, updateTeamQueueSettings } from "~/workspace/teams.server";
import { formFailure, parseForm } from "~/utils/parse-form";

export const meta: MetaFunction = () => [{ title: "Teams & people · Baton" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: teamsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireAdmin(request);
  const [teams, people] = await Promise.all([listTeams(db), listPeople(db)]);
  return { meId: me.id, teams, people };
}

const Id = z.string().min(1);
const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(TEAMS_INTENTS.createTeam), name: TeamNameSchema, slug: TeamSlugSchema.default("") }),
    z.object({ intent: z.literal(TEAMS_INTENTS.removeTeam), teamId: Id }),
    z.object({ intent: z.literal(TEAMS_INTENTS.setQueue), teamId: Id, slaMinutes: SlaMinutesSchema, assignment: AssignmentSchema }),
    NewPersonSchema.extend({ intent: z.literal(TEAMS_INTENTS.invitePerson) }),
    PersonRowSchema.extend({ intent: z.literal(TEAMS_INTENTS.savePerson) }),
    z.object({ intent: z.literal(TEAMS_INTENTS.newLink), userId: Id }),
    z.object({ intent: z.literal(TEAMS_INTENTS.deactivatePerson), userId: Id }),
    z.object({ intent: z.literal(TEAMS_INTENTS.reactivatePerson), userId: Id }),
    z.object({ intent: z.literal(TEAMS_INTENTS.removePerson), userId: Id }),
  ],
  { error: "Unknown action" }
);

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireAdmin(request);
  const form = await request.formData();
  // Business hours have a field per weekday: their own schema, before the one-object-per-intent union.
  if (form.get("intent") === TEAMS_INTENTS.setHours) return saveHours(form);
  const parsed = parseForm(form, ActionSchema, { lists: ["teamIds"] });
  if (!parsed.ok) {
    const intent = String(form.get("intent") ?? "") as TeamsIntent;
    return data<TeamsActionData>({ ok: false, intent, targetId: form.get("userId")?.toString(), fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  }
  const input = parsed.data;
  const targetId = "userId" in input ? input.userId : "teamId" in input ? input.teamId : undefined;
  const done = (notice: string) => data<TeamsActionData>({ ok: true, intent: input.intent, notice, at: Date.now() });
  const refused = (outcome: { message: string; field?: string }) =>
    data<TeamsActionData>({ ok: false, intent: input.intent, targetId, ...formFailure(outcome.message, outcome.field) }, { status: 400 });
  // The token is in this answer only: the database keeps its hash, so the admin copies it now.
  const withLink = (outcome: Invited, notice: (name: string) => string) => {
    if (!outcome.ok) return refused(outcome);
    const link = { url: absoluteLink(request, outcome.link.path), name: outcome.name, purpose: outcome.link.purpose };
    return data<TeamsActionData>({ ok: true, intent: input.intent, notice: notice(outcome.name), at: Date.now(), link });
  };

  switch (input.intent) {
    case "create-team": {
      const outcome = await createTeam(db, input);
      return outcome.ok ? done(`Team ${input.name} added`) : refused(outcome);
    }
    case "remove-team": {
      const outcome = await removeTeam(db, input.teamId);
      return outcome.ok ? done("Team removed") : refused(outcome);
    }
    case "set-queue": {
      const outcome = await updateTeamQueueSettings(db, input);
      if (!outcome.ok) return refused(outcome);
      // Switched to round robin: whoever is already waiting is assigned now, not at the next handoff.
      await assignWaiting(input.teamId);
      return done("Queue settings saved");
    }
    case "invite-person":
      return withLink(await invitePerson(db, input), (name) => `${name} added. Send them their invitation link.`);
    case "save-person": {
      const outcome = await savePerson(db, me.id, input);
      if (!outcome.ok) return refused(outcome);
      // More capacity or a new team may mean room for a waiting conversation.
      await afterAgentFreed(input.userId);
      return done(outcome.returned === 0 ? "Changes saved" : `Changes saved.${backInQueue(outcome.returned)}`);
    }
    case "new-link":
      return withLink(await createLinkFor(db, input.userId), (name) => `New link for ${name}. Their earlier links no longer work.`);
    case "deactivate-person": {
      const outcome = await deactivatePerson(db, { actorId: me.id, userId: input.userId });
      if (!outcome.ok) return refused(outcome);
      return done(`${outcome.name} is deactivated and signed out everywhere.${backInQueue(outcome.returned)}`);
    }
    case "reactivate-person": {
      const outcome = await reactivatePerson(db, input.userId);
      return outcome.ok ? done("Reactivated. They can sign in again with their password.") : refused(outcome);
    }
    case "remove-person": {
      const outcome = await removePerson(db, { actorId: me.id, userId: input.userId });
      return outcome.ok ? done("Person removed") : refused(outcome);
    }
  }
}

async function saveHours(form: FormData) {
  const parsed = parseForm(form, TeamHoursFormSchema);
  const targetId = form.get("teamId")?.toString();
  if (!parsed.ok) return data<TeamsActionData>({ ok: false, intent: TEAMS_INTENTS.setHours, targetId, fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  const outcome = await updateTeamHours(db, parsed.data);
  if (!outcome.ok) return data<TeamsActionData>({ ok: false, intent: TEAMS_INTENTS.setHours, targetId, ...formFailure(outcome.message) }, { status: 400 });
  return data<TeamsActionData>({ ok: true, intent: TEAMS_INTENTS.setHours, notice: "Business hours saved", at: Date.now(), targetId: parsed.data.teamId });
}

export default function TeamsPage() {
  const { meId, teams, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page">
      <PageHeader title="Teams & people" description="Who answers your customers, and which queues they work in." />
      {result?.ok ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}
      {result?.ok && result.link ? <LinkPanel key={result.at} link={result.link} /> : null}
      <PeopleCard meId={meId} people={people} teams={teams} result={result} />
      <TeamsCard teams={teams} result={result} />
      <TeamHoursCard teams={teams} result={result} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };

/** " 2 open conversations went back to the queue." — or nothing when none did. */
function backInQueue(returned: number): string {
  return returned === 0 ? "" : ` ${returned} open conversation${returned === 1 ? " went" : "s went"} back to the queue.`;
}
