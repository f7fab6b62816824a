import { useId } from "react";
import { describeField } from "../shared/field-name";
import { FieldNote, SelectField, TextField, toIdentifier, type Option } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import type { SettingsProps } from "../shared/editor/types";
import type { ConditionData, ConditionOperator } from "./schema";

const OPERATOR_OPTIONS: Array<Option<ConditionOperator>> = [
  { value: "equals", label: "is" },
  { value: "contains", label: "contains" },
  { value: "matches", label: "matches the pattern" },
  { value: "exists", label: "was given" },
  { value: "gt", label: "is greater than" },
  { value: "lt", label: "is less than" },
];
const OPERATOR_WORDS = Object.fromEntries(OPERATOR_OPTIONS.map((option) => [option.value, option.label]));

export const ConditionIcon = () => <KindIcon><><circle cx="6" cy="5" r="2" /><circle cx="6" cy="19" r="2" /><circle cx="18" cy="7" r="2" /><path d="M6 7v10M18 9a7 7 0 0 1-7 7H8" /></></KindIcon>;

export const ConditionSummary = ({ data }: { data: ConditionData }) => (
  <p className="node-text">
    If <code>{data.field}</code> {OPERATOR_WORDS[data.operator]}
    {data.operator === "exists" ? null : <strong> “{String(data.value)}”</strong>}
  </p>
);

export function ConditionSettings({ data, onChange, context }: SettingsProps<ConditionData>) {
  const listId = useId();
  const fieldId = useId();
  const problem = context.problem("field");
  const compares = data.operator === "gt" || data.operator === "lt";
  return (
    <>
      <div className="field">
        <label className="label" htmlFor={fieldId}>
          Detail to check
        </label>
        <input
          id={fieldId}
          className="input"
          list={listId}
          value={data.field}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem?.severity === "error" ? true : undefined}
          onChange={(event) => onChange({ ...data, field: toIdentifier(event.target.value) })}
        />
        <datalist id={listId}>
          {context.fields.map((field) => (
            <option key={field.name} value={field.name}>
              {describeField(field.name)}
            </option>
          ))}
        </datalist>
        <FieldNote id={fieldId} hint="A detail an “Ask for information” step collects." problem={problem} />
      </div>
      <SelectField label="Condition" value={data.operator} options={OPERATOR_OPTIONS} onChange={(operator) => onChange({ ...data, operator })} problem={context.problem("operator")} />
      {data.operator === "exists" ? null : (
        <TextField
          label={compares ? "Number or date" : data.operator === "matches" ? "Pattern" : "Value"}
          value={String(data.value)}
          onChange={(value) => onChange({ ...data, value: compares && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value })}
          problem={context.problem("value")}
          maxLength={500}
        />
      )}
    </>
  );
}
