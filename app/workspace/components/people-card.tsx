/** The People card: everyone in the workspace, one row each, and the invitation form. */
import { TableHead } from "~/analytics/components/table-head";
import { CardAlert, CardHeader } from "./card-parts";
import { InvitePersonForm } from "./invite-person-form";
import { PersonRow, type PersonSummary } from "./person-row";
import type { TeamChoice } from "./team-checkboxes";
import { failureFor, fieldErrorsFor, type TeamsActionData } from "./teams-action";

const COLUMNS = [{ label: "Name" }, { label: "Role" }, { label: "Teams" }, { label: "Capacity" }, { label: "Actions", hidden: true }];

export function PeopleCard({ meId, people, teams, result }: { meId: string; people: PersonSummary[]; teams: TeamChoice[]; result: TeamsActionData | undefined }) {
  const failure = failureFor(result, "people");
  const rowErrors = failure && failure.intent === "save-person" ? Object.values(failure.fieldErrors ?? {}) : [];
  const message = failure?.formError ?? rowErrors[0];
  return (
    <section className="card" aria-labelledby="people-heading">
      <CardHeader
        id="people-heading"
        title="People"
        description="Admins manage the workspace; agents answer conversations in their teams' queues."
        badge={people.length === 1 ? "1 person" : `${people.length} people`}
      />
      <CardAlert message={message} />
      <table className="table">
        <TableHead columns={COLUMNS} />
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
