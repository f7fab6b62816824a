import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { initials } from "~/components/app-shell";
import { RouteErrorBoundary } from "~/components/error-page";
import { Field, FormError, type FieldErrors } from "~/components/form";
import { Icon } from "~/components/icons";
import { PageHeader } from "~/components/page";
import { db } from "~/utils/db.server";
import { afterAgentFreed, assignWaiting } from "~/inbox/assignment.server";
import { createPerson, listPeople, removePerson, setCapacity, setMemberships } from "~/workspace/people.server";
import { AssignmentSchema, CapacitySchema, NewPersonSchema, SlaMinutesSchema, TeamNameSchema, TeamSlugSchema } from "~/workspace/schemas";
import { createTeam, listTeams, removeTeam, updateTeamQueueSettings } from "~/workspace/teams.server";

export const meta: MetaFunction = () => [{ title: "Teams & people · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireAdmin(request);
  const [teams, people] = await Promise.all([listTeams(db), listPeople(db)]);
  return { meId: me.id, teams, people };
}

const Id = z.string().min(1);
const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create-team"), name: TeamNameSchema, slug: TeamSlugSchema.default("") }),
    z.object({ intent: z.literal("remove-team"), teamId: Id }),
    NewPersonSchema.extend({ intent: z.literal("create-person") }),
    z.object({ intent: z.literal("remove-person"), userId: Id }),
    z.object({ intent: z.literal("set-teams"), userId: Id, teamIds: z.array(Id).default([]) }),
    z.object({ intent: z.literal("set-queue"), teamId: Id, slaMinutes: SlaMinutesSchema, assignment: AssignmentSchema }),
    z.object({ intent: z.literal("set-capacity"), userId: Id, capacity: CapacitySchema }),
  ],
  { error: "Unknown action" }
);
type Intent = z.infer<typeof ActionSchema>["intent"];

type ActionData =
  | { ok: true; intent: Intent; notice: string; at: number }
  | { ok: false; intent?: Intent; targetId?: string; fieldErrors?: FieldErrors; formError?: string };

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireAdmin(request);
  const form = await request.formData();
  const rawIntent = String(form.get("intent") ?? "");
  const parsed = ActionSchema.safeParse({ ...Object.fromEntries(form), teamIds: form.getAll("teamIds") });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    const { intent: intentError, form: formError, ...rest } = fieldErrors;
    return data<ActionData>({ ok: false, intent: rawIntent as Intent, fieldErrors: rest, formError: intentError ?? formError }, { status: 400 });
  }
  const input = parsed.data;
  const done = (notice: string) => data<ActionData>({ ok: true, intent: input.intent, notice, at: Date.now() });
  const refused = (outcome: { message: string; field?: string }, targetId?: string) =>
    data<ActionData>(
      outcome.field
        ? { ok: false, intent: input.intent, targetId, fieldErrors: { [outcome.field]: outcome.message } }
        : { ok: false, intent: input.intent, targetId, formError: outcome.message },
      { status: 400 }
    );

  switch (input.intent) {
    case "create-team": {
      const outcome = await createTeam(db, input);
      return outcome.ok ? done(`Team ${input.name} added`) : refused(outcome);
    }
    case "remove-team": {
      const outcome = await removeTeam(db, input.teamId);
      return outcome.ok ? done("Team removed") : refused(outcome, input.teamId);
    }
    case "create-person": {
      const outcome = await createPerson(db, input);
      return outcome.ok ? done(`${input.name} added`) : refused(outcome);
    }
    case "remove-person": {
      const outcome = await removePerson(db, { actorId: me.id, userId: input.userId });
      return outcome.ok ? done("Person removed") : refused(outcome, input.userId);
    }
    case "set-teams": {
      const outcome = await setMemberships(db, input.userId, input.teamIds);
      return outcome.ok ? done("Teams saved") : refused(outcome, input.userId);
    }
    case "set-queue": {
      const outcome = await updateTeamQueueSettings(db, input);
      if (!outcome.ok) return refused(outcome, input.teamId);
      // Switched to round robin: whoever is already waiting is assigned now, not at the next handoff.
      await assignWaiting(input.teamId);
      return done("Queue settings saved");
    }
    case "set-capacity": {
      const outcome = await setCapacity(db, input.userId, input.capacity);
      if (!outcome.ok) return refused(outcome, input.userId);
      await afterAgentFreed(input.userId);
      return done("Capacity saved");
    }
  }
}

const peopleIntents: Intent[] = ["create-person", "remove-person", "set-teams", "set-capacity"];

export default function TeamsPage() {
  const { meId, teams, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const failed = result && !result.ok ? result : undefined;
  const errorsFor = (intent: Intent) => (failed?.intent === intent ? failed.fieldErrors ?? {} : {});
  const peopleError = failed && failed.intent && peopleIntents.includes(failed.intent) ? failed.formError : undefined;
  const teamError = failed && !(failed.intent && peopleIntents.includes(failed.intent)) ? failed.formError : undefined;
  const resetKey = result?.ok ? result.at : 0;
  const personErrors = errorsFor("create-person");
  const teamErrors = errorsFor("create-team");

  return (
    <div className="page">
      <PageHeader title="Teams & people" description="Who answers your customers, and which queues they work in." />
      {result?.ok ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}

      <section className="card" aria-labelledby="people-heading">
        <div className="card-header">
          <div>
            <h2 id="people-heading">People</h2>
            <p>Admins manage the workspace; agents answer conversations in their teams' queues.</p>
          </div>
          <span className="badge">{people.length === 1 ? "1 person" : `${people.length} people`}</span>
        </div>
        {peopleError ? (
          <div className="card-alert">
            <FormError message={peopleError} />
          </div>
        ) : null}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Capacity</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  <div className="person">
                    <span className="avatar" aria-hidden="true">
                      {initials(person.name)}
                    </span>
                    <div>
                      <div className="person-name">
                        {person.name}
                        {person.id === meId ? <span className="muted"> (you)</span> : null}
                      </div>
                      <div className="person-email">{person.email}</div>
                    </div>
                  </div>
                </td>
                <td>
                  <span className={person.role === "admin" ? "badge badge-accent" : "badge"}>{person.role === "admin" ? "Admin" : "Agent"}</span>
                </td>
                <td>
                  {teams.length === 0 ? (
                    <span className="muted">No teams yet</span>
                  ) : (
                    <Form method="post" className="row" aria-label={`Teams of ${person.name}`} key={`${person.id}-${person.teamIds.join()}`}>
                      <input type="hidden" name="intent" value="set-teams" />
                      <input type="hidden" name="userId" value={person.id} />
                      {teams.map((team) => (
                        <label key={team.id} className="checkbox">
                          <input type="checkbox" name="teamIds" value={team.id} defaultChecked={person.teamIds.includes(team.id)} />
                          {team.name}
                        </label>
                      ))}
                      <button type="submit" className="btn btn-secondary btn-sm">
                        Save
                      </button>
                    </Form>
                  )}
                </td>
                <td>
                  <Form method="post" className="row row-nowrap" aria-label={`Capacity of ${person.name}`} key={`${person.id}-${person.capacity}`}>
                    <input type="hidden" name="intent" value="set-capacity" />
                    <input type="hidden" name="userId" value={person.id} />
                    <input
                      className="input input-narrow"
                      type="number"
                      name="capacity"
                      min={0}
                      max={100}
                      defaultValue={person.capacity}
                      aria-label={`Open conversations ${person.name} can hold at once`}
                      title="Round robin gives them at most this many open conversations"
                    />
                    <button type="submit" className="btn btn-secondary btn-sm">
                      Save
                    </button>
                  </Form>
                </td>
                <td className="cell-actions">
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-person" />
                    <input type="hidden" name="userId" value={person.id} />
                    <button type="submit" className="btn btn-danger btn-sm" aria-label={`Remove ${person.name}`}>
                      Remove
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="card-footer">
          <Form method="post" className="stack" noValidate aria-label="Add a person" key={`person-${resetKey}`}>
            <h3 className="form-title">Add a person</h3>
            <input type="hidden" name="intent" value="create-person" />
            <div className="grid-2">
              <Field label="Name" name="name" autoComplete="off" placeholder="Cara Agent" error={personErrors.name} />
              <Field label="Email" name="email" type="email" autoComplete="off" placeholder="cara@company.com" error={personErrors.email} />
              <Field
                label="Initial password"
                name="password"
                type="password"
                autoComplete="new-password"
                hint="At least 8 characters. Share it privately."
                error={personErrors.password}
              />
              <div className="field">
                <label className="label" htmlFor="new-person-role">
                  Role
                </label>
                <select id="new-person-role" name="role" className="select" defaultValue="agent">
                  <option value="agent">Agent</option>
                  <option value="admin">Admin</option>
                </select>
                {personErrors.role ? <p className="field-error">{personErrors.role}</p> : null}
              </div>
            </div>
            {teams.length > 0 ? (
              <fieldset className="checkbox-group">
                <legend className="label">
                  Teams
                </legend>
                {teams.map((team) => (
                  <label key={team.id} className="checkbox">
                    <input type="checkbox" name="teamIds" value={team.id} />
                    {team.name}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <div>
              <button type="submit" className="btn btn-primary" disabled={busyIntent === "create-person"}>
                <Icon name="plus" size={16} />
                Add person
              </button>
            </div>
          </Form>
        </div>
      </section>

      <section className="card" aria-labelledby="teams-heading">
        <div className="card-header">
          <div>
            <h2 id="teams-heading">Teams</h2>
            <p>Each team has its own inbox queue. Flows hand conversations off to a team by its slug.</p>
          </div>
          <span className="badge">{teams.length === 1 ? "1 team" : `${teams.length} teams`}</span>
        </div>
        {teamError ? (
          <div className="card-alert">
            <FormError message={teamError} />
          </div>
        ) : null}
        {teams.length === 0 ? (
          <div className="card-body muted">No teams yet. Add one below.</div>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Slug</th>
                <th scope="col">Members</th>
                <th scope="col">Queue</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <td className="person-name">{team.name}</td>
                  <td>
                    <code>{team.slug}</code>
                  </td>
                  <td className="muted">{team._count.memberships}</td>
                  <td>
                    <Form method="post" className="row row-nowrap" aria-label={`Queue settings of ${team.name}`} key={`${team.id}-${team.slaMinutes}-${team.assignment}`}>
                      <input type="hidden" name="intent" value="set-queue" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <label className="inline-field" title="A waiting customer past this many minutes shows as an SLA breach in the inbox">
                        <span className="hint">Reply within</span>
                        <input className="input input-narrow" type="number" name="slaMinutes" min={1} max={10080} defaultValue={team.slaMinutes} aria-label={`${team.name} first reply target in minutes`} />
                        <span className="hint">min</span>
                      </label>
                      <select className="select select-narrow" name="assignment" defaultValue={team.assignment} aria-label={`${team.name} assignment`}>
                        <option value="manual">Agents claim</option>
                        <option value="round_robin">Round robin</option>
                      </select>
                      <button type="submit" className="btn btn-secondary btn-sm">
                        Save
                      </button>
                    </Form>
                  </td>
                  <td className="cell-actions">
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-team" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <button type="submit" className="btn btn-danger btn-sm" aria-label={`Remove team ${team.name}`}>
                        Remove
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="card-footer">
          <Form method="post" className="stack" noValidate aria-label="Add a team" key={`team-${resetKey}`}>
            <h3 className="form-title">Add a team</h3>
            <input type="hidden" name="intent" value="create-team" />
            <div className="grid-2">
              <Field label="Team name" name="name" autoComplete="off" placeholder="Sales" error={teamErrors.name} />
              <Field label="Slug" name="slug" autoComplete="off" placeholder="sales" hint="Optional: made from the name when empty." error={teamErrors.slug} />
            </div>
            <div>
              <button type="submit" className="btn btn-primary" disabled={busyIntent === "create-team"}>
                <Icon name="plus" size={16} />
                Add team
              </button>
            </div>
          </Form>
        </div>
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
