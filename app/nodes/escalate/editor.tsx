import { SelectField, TextField, type Option } from "../shared/editor/fields";
import { useCardWorkspace } from "../shared/editor/card-workspace";
import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import type { EscalateData } from "./schema";

type Priority = EscalateData["priority"];
const PRIORITY_OPTIONS: Array<Option<Priority>> = [
  { value: "low", label: "Low" },
  { value: "normal", label: "Normal" },
  { value: "high", label: "High" },
  { value: "urgent", label: "Urgent" },
];

export const EscalateIcon = () => <KindIcon><><path d="M15 20v-1.5a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4V20" /><circle cx="8.5" cy="7.5" r="3.5" /><path d="M19 8v6M22 11h-6" /></></KindIcon>;

function TeamSummary({ slug }: { slug: string }) {
  const { teams } = useCardWorkspace();
  if (!slug) return <Unset>No team chosen</Unset>;
  const team = teams.find((candidate) => candidate.slug === slug);
  if (!team) {
    return (
      <span className="node-warning" role="note">
        Team “{slug}” no longer exists: choose another
      </span>
    );
  }
  return (
    <>
      To the <strong>{team.name}</strong> team
    </>
  );
}

export const EscalateSummary = ({ data }: { data: EscalateData }) => (
  <>
    <p className="node-text">
      <TeamSummary slug={data.team} />
    </p>
    <p className="node-meta">
      {PRIORITY_OPTIONS.find((option) => option.value === data.priority)?.label} priority{data.reason ? ` · ${data.reason}` : ""}
    </p>
  </>
);

export function EscalateSettings({ data, onChange, context }: SettingsProps<EscalateData>) {
  const known = context.teams.some((team) => team.slug === data.team);
  const teamOptions: Array<Option<string>> = [
    ...(data.team === "" ? [{ value: "", label: "Choose a team…" }] : []),
    ...(!known && data.team ? [{ value: data.team, label: `${data.team} (no such team)` }] : []),
    ...context.teams.map((team) => ({ value: team.slug, label: team.name })),
  ];
  return (
    <>
      <SelectField label="Team" hint="The conversation lands in this team's inbox queue." value={data.team} options={teamOptions} onChange={(team) => onChange({ ...data, team })} problem={context.problem("team")} />
      <SelectField label="Priority" value={data.priority} options={PRIORITY_OPTIONS} onChange={(priority) => onChange({ ...data, priority })} problem={context.problem("priority")} />
      <TextField
        label="Reason (for the agent)"
        hint="Shown in the handoff, e.g. “Refund over $100”."
        value={data.reason}
        onChange={(reason) => onChange({ ...data, reason })}
        problem={context.problem("reason")}
        maxLength={500}
      />
      <TemplateField
        label="What the customer is told"
        hint="Leave empty for: “You're being connected to our Support team. A person will reply in this chat.” (with this step's team; the chat's card under it says whether the team is open)"
        value={data.message}
        onChange={(message) => onChange({ ...data, message })}
        problem={context.problem("message")}
        fields={context.fields}
        maxLength={4000}
      />
    </>
  );
}
