/** The Teams card: each team's queue settings (SLA target, manual or round robin), remove, add a team. */
import { Form, useNavigation } from "@remix-run/react";
import { TableHead } from "~/components/table-head";
import { BusySubmitButton } from "~/components/busy-submit-button";
import { Field } from "~/components/form";
import { Icon } from "~/components/icons";
import { useRefocusAfterSave } from "~/components/use-refocus-after-save";
import { CardAlert, CardHeader } from "./card-parts";
import { failureFor, fieldErrorsFor, TEAMS_INTENTS, type TeamsActionData } from "./teams-action";
import { useResetKey } from "~/components/use-reset-key";

export type TeamSummary = { id: string; name: string; slug: string; slaMinutes: number; assignment: string; _count: { memberships: number } };

const COLUMNS = [{ label: "Team" }, { label: "Slug" }, { label: "Members" }, { label: "Queue" }, { label: "Actions", hidden: true }];

export function TeamsCard({ teams, result }: { teams: TeamSummary[]; result: TeamsActionData | undefined }) {
  const navigation = useNavigation();
  const adding = navigation.state === "submitting" && navigation.formData?.get("intent") === TEAMS_INTENTS.createTeam;
  const errors = fieldErrorsFor(result, "create-team");
  const failure = failureFor(result, "teams");
  const addedAt = useResetKey(result, TEAMS_INTENTS.createTeam);
  return (
    <section className="card" aria-labelledby="teams-heading">
      <CardHeader
        id="teams-heading"
        title="Teams"
        description="Each team has its own inbox queue. Flows hand conversations off to a team by its slug."
        badge={teams.length === 1 ? "1 team" : `${teams.length} teams`}
      />
      <CardAlert message={failure?.formError} />
      {teams.length === 0 ? (
        <div className="card-body muted">No teams yet. Add one below.</div>
      ) : (
        <div className="table-scroll">
          <table className="table table-stack">
            <TableHead columns={COLUMNS} />
            <tbody>
              {teams.map((team) => (
                <TeamRow key={team.id} team={team} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="card-footer">
        {/* A new form after each team added: the one that added it comes back empty (other saves leave it as typed). */}
        <AddTeamForm key={`team-${addedAt}`} errors={errors} adding={adding} />
      </div>
    </section>
  );
}

function TeamRow({ team }: { team: TeamSummary }) {
  return (
    <tr>
      <td className="person-name">{team.name}</td>
      <td data-label="Slug">
        <code className="team-slug">{team.slug}</code>
      </td>
      <td className="muted" data-label="Members">
        {team._count.memberships}
      </td>
      <td data-label="Queue">
        <QueueSettingsForm key={`${team.id}-${team.slaMinutes}-${team.assignment}`} team={team} />
      </td>
      <td className="cell-actions">
        <Form method="post">
          <input type="hidden" name="intent" value={TEAMS_INTENTS.removeTeam} />
          <input type="hidden" name="teamId" value={team.id} />
          <button type="submit" className="btn btn-danger btn-sm" aria-label={`Remove team ${team.name}`}>
            Remove
          </button>
        </Form>
      </td>
    </tr>
  );
}

/** Keyed by the saved values (so a save shows what was stored): a saved form is a new one, and its Save gets focus back. */
function QueueSettingsForm({ team }: { team: TeamSummary }) {
  const save = useRefocusAfterSave(`queue:${team.id}`);
  return (
    <Form method="post" className="row row-nowrap" aria-label={`Queue settings of ${team.name}`} onSubmit={save.markSaving}>
      <input type="hidden" name="intent" value={TEAMS_INTENTS.setQueue} />
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
      <button ref={save.ref} type="submit" className="btn btn-secondary btn-sm">
        Save
      </button>
    </Form>
  );
}

function AddTeamForm({ errors, adding }: { errors: ReturnType<typeof fieldErrorsFor>; adding: boolean }) {
  const save = useRefocusAfterSave("add-team");
  return (
    <Form method="post" className="stack" noValidate aria-label="Add a team" onSubmit={save.markSaving}>
      <h3 className="form-title">Add a team</h3>
      <input type="hidden" name="intent" value={TEAMS_INTENTS.createTeam} />
      <div className="grid-2">
        <Field label="Team name" name="name" autoComplete="off" placeholder="Sales" error={errors.name} />
        <Field label="Slug" name="slug" autoComplete="off" placeholder="sales" hint="Optional: made from the name when empty." error={errors.slug} />
      </div>
      <div>
        <BusySubmitButton ref={save.ref} className="btn btn-primary" busy={adding}>
          <Icon name="plus" size={16} />
          Add team
        </BusySubmitButton>
      </div>
    </Form>
  );
}
