/**
 * One person in the people table. Role, teams and capacity sit in their own cells but belong to
 * ONE form (the `form` attribute), so one Save writes the row at once. The admin's own role is
 * shown, not offered: nobody demotes themselves. On a phone the row is a stacked card (teams.css
 * `.table-stack`): each cell's `data-label` names it there, as the hidden header does not.
 */
import { Form } from "@remix-run/react";
import { initials } from "~/components/app-shell";
import { useRefocusAfterSave } from "~/components/use-refocus-after-save";
import type { FieldErrors } from "~/components/form";
import { PersonMenu } from "./person-menu";
import { TeamCheckboxes, type TeamChoice } from "./team-checkboxes";
import { TEAMS_INTENTS } from "./teams-action";

export type PersonSummary = {
  id: string;
  name: string;
  email: string;
  role: string;
  capacity: number;
  deactivated: boolean;
  invited: boolean;
  /** The purpose of their working unused link, if any: "invite" or "reset". */
  openLink: string | null;
  teamIds: string[];
  /** Open conversations they hold, per team id. */
  openByTeam: Record<string, number>;
};

export function PersonRow({ person, teams, isMe, errors }: { person: PersonSummary; teams: TeamChoice[]; isMe: boolean; errors: FieldErrors }) {
  const formId = `person-${person.id}`;
  // The table keys rows by their saved values: a saved row is a new row, its Save gets focus back.
  const save = useRefocusAfterSave(`person:${person.id}`);
  const roleLabel = person.role === "admin" ? "Admin" : "Agent";
  const holdsOpen = person.role === "agent" && person.teamIds.some((teamId) => (person.openByTeam[teamId] ?? 0) > 0);
  return (
    <tr className={person.deactivated ? "person-row person-row-inactive" : "person-row"}>
      <td>
        <div className="person">
          <span className="avatar" aria-hidden="true">
            {initials(person.name)}
          </span>
          <div>
            <div className="person-name">
              {person.name}
              {isMe ? <span className="muted"> (you)</span> : null}
            </div>
            <div className="person-email">{person.email}</div>
            <PersonStatus person={person} />
          </div>
        </div>
      </td>
      <td data-label="Role">
        {isMe ? (
          <>
            <input type="hidden" name="role" value={person.role} form={formId} />
            <span className="badge badge-accent" title="Your own role can only be changed by another admin">
              {roleLabel}
            </span>
          </>
        ) : (
          <select className="select select-narrow" name="role" form={formId} defaultValue={person.role} aria-label={`Role of ${person.name}`}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        )}
      </td>
      <td data-label="Teams">
        {teams.length === 0 ? (
          <span className="muted">No teams yet</span>
        ) : (
          <div className="row" role="group" aria-label={`Teams of ${person.name}`} aria-describedby={holdsOpen ? `${formId}-open` : undefined}>
            <TeamCheckboxes teams={teams} checked={person.teamIds} form={formId} />
          </div>
        )}
        {holdsOpen ? <OpenConversationsHint person={person} teams={teams} id={`${formId}-open`} /> : null}
      </td>
      <td data-label="Capacity">
        <input
          className="input input-narrow"
          type="number"
          name="capacity"
          form={formId}
          min={0}
          max={100}
          defaultValue={person.capacity}
          aria-invalid={errors.capacity ? true : undefined}
          aria-label={`Open conversations ${person.name} can hold at once`}
          title="Round robin gives them at most this many open conversations"
        />
      </td>
      <td className="cell-actions">
        <div className="row row-nowrap person-actions">
          <Form method="post" id={formId} noValidate onSubmit={save.markSaving}>
            <input type="hidden" name="intent" value={TEAMS_INTENTS.savePerson} />
            <input type="hidden" name="userId" value={person.id} />
            <button ref={save.ref} type="submit" className="btn btn-secondary btn-sm" aria-label={`Save ${person.name}`}>
              Save
            </button>
          </Form>
          <PersonMenu person={person} isMe={isMe} />
        </div>
      </td>
    </tr>
  );
}

function PersonStatus({ person }: { person: PersonSummary }) {
  if (person.deactivated) return <span className="badge badge-danger">Deactivated</span>;
  if (person.invited) return <span className="badge badge-draft">{person.openLink ? "Invited" : "Invitation expired"}</span>;
  if (person.openLink === "reset") return <span className="badge">Reset link sent</span>;
  return null;
}

/**
 * Said before the Save, not after: unticking a team sends the agent's open conversations there back
 * to its queue and tells each customer they left (people.server.ts savePerson). Admins keep theirs.
 */
function OpenConversationsHint({ person, teams, id }: { person: PersonSummary; teams: TeamChoice[]; id: string }) {
  const held = teams.filter((team) => person.teamIds.includes(team.id) && (person.openByTeam[team.id] ?? 0) > 0);
  if (held.length === 0) return null;
  return (
    <p className="hint person-open-hint" id={id}>
      {held.map((team) => {
        const count = person.openByTeam[team.id];
        return `Holds ${count} open conversation${count === 1 ? "" : "s"} in ${team.name}: unticking ${team.name} sends ${count === 1 ? "it" : "them"} back to its queue.`;
      }).join(" ")}
    </p>
  );
}
