import { PercentField, SelectField } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import type { SettingsProps } from "../shared/editor/types";
import type { GateData } from "./schema";

const SCORE_LABELS = { intent: "How sure the bot is of the intent", kb: "How well the help article matches" } as const;

export const GateIcon = () => <KindIcon><><path d="M3.3 18a10 10 0 1 1 17.4 0" /><path d="m12 14 4-5" /></></KindIcon>;

export const GateSummary = ({ data }: { data: GateData }) => (
  <p className="node-text">
    {data.score === "intent" ? "Intent confidence" : "Article match"} at least <strong>{Math.round(data.threshold * 100)}%</strong>
  </p>
);

export function GateSettings({ data, onChange, context }: SettingsProps<GateData>) {
  return (
    <>
      <SelectField
        label="Check"
        value={data.score}
        options={[
          { value: "intent", label: SCORE_LABELS.intent },
          { value: "kb", label: SCORE_LABELS.kb },
        ]}
        onChange={(score) => onChange({ ...data, score })}
        problem={context.problem("score")}
      />
      <PercentField
        label="Continue as confident from"
        hint="Below this, the conversation takes the “Not confident” path (for example to a person)."
        value={data.threshold}
        onChange={(threshold) => onChange({ ...data, threshold })}
        problem={context.problem("threshold")}
      />
    </>
  );
}
