/** The People card: everyone in the workspace, one row each, and the invitation form. */
import { FormError } from "~/components/form";
import { InvitePersonForm } from "./invite-person-form";
import { PersonRow, type PersonSummary } from "./person-row";
import type { TeamChoice } from "./team-checkboxes";
import { failureFor, fieldErrorsFor, type TeamsActionData } from "./teams-action";

export function PeopleCard({ meId, people, teams, result }: { meId: string; people: PersonSummary[]; teams: TeamChoice[]; result: TeamsActionData | undefined }) {
  const failure = failureFor(result, "people");
  const rowErrors = failure && failure.intent === "save-person" ? Object.values(failure.fieldErrors ?? {}) : [];
  const message = failure?.formError ?? rowErrors[0];
  return (
    <section className="card" aria-labelledby="people-heading">
      <div className="card-header">
        <div>
          <h2 id="people-heading">People</h2>
          <p>Admins manage the workspace; agents answer conversations in their teams' queues.</p>
        </div>
        <span className="badge">{people.length === 1 ? "1 person" : `${people.length} people`}</span>
      </div>
      {message ? (
        <div className="card-alert">
          <FormError message={message} />
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
            // Keyed by what was saved, so a successful save shows the stored values again.
            <PersonRow key={`${person.id}-${person.role}-${person.capacity}-${person.teamIds.join()}`} person={person} teams={teams} isMe={person.id === meId} />
          ))}
        </tbody>
      </table>
      <div className="card-footer">
        <InvitePersonForm teams={teams} errors={fieldErrorsFor(result, "invite-person")} resetKey={result?.ok ? result.at : 0} />
      </div>
    </section>
  );
}
