/** The People card: everyone in the workspace, one row each, and the invitation form. */
import { TableHead } from "~/components/table-head";
import { CardAlert, CardHeader } from "./card-parts";
import { InvitePersonForm } from "./invite-person-form";
import { PersonRow, type PersonSummary } from "./person-row";
import type { TeamChoice } from "./team-checkboxes";
import { failureFor, fieldErrorsFor, TEAMS_INTENTS, type TeamsActionData } from "./teams-action";
import { useResetKey } from "~/components/use-reset-key";

const FIELD_LABELS: Record<string, string> = { capacity: "Capacity", role: "Role", teamIds: "Teams" };
const COLUMNS = [{ label: "Name" }, { label: "Role" }, { label: "Teams" }, { label: "Capacity" }, { label: "Actions", hidden: true }];

export function PeopleCard({ meId, people, teams, result }: { meId: string; people: PersonSummary[]; teams: TeamChoice[]; result: TeamsActionData | undefined }) {
  const failure = failureFor(result, "people");
  const rowErrors = fieldErrorsFor(result, "save-person");
  const failedRow = failure?.intent === "save-person" ? people.find((person) => person.id === failure.targetId) : undefined;
  // A row's field error names the person and the field: the banner sits above every row.
  const rowMessage = Object.entries(rowErrors).map(([field, error]) => `${FIELD_LABELS[field] ?? field} of ${failedRow?.name ?? "this person"}: ${error}`)[0];
  const message = failure?.formError ?? rowMessage;
  const invitedAt = useResetKey(result, TEAMS_INTENTS.invitePerson);
  return (
    <section className="card" aria-labelledby="people-heading">
      <CardHeader
        id="people-heading"
        title="People"
        description="Admins manage the workspace; agents answer conversations in their teams' queues."
        badge={people.length === 1 ? "1 person" : `${people.length} people`}
      />
      <CardAlert message={message} />
      <div className="table-scroll">
        <table className="table table-stack">
          <TableHead columns={COLUMNS} />
          <tbody>
            {people.map((person) => (
              // Keyed by what was saved, so a successful save shows the stored values again.
              <PersonRow key={`${person.id}-${person.role}-${person.capacity}-${person.teamIds.join()}`} person={person} teams={teams} isMe={person.id === meId} errors={person === failedRow ? rowErrors : {}} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-footer">
        <InvitePersonForm teams={teams} errors={fieldErrorsFor(result, "invite-person")} resetKey={invitedAt} />
      </div>
    </section>
  );
}
