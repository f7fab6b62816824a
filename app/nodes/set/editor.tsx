import { SelectField, TextField, toIdentifier, type Option } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import { FUNCTION_NAMES } from "./expression";
import type { SetData, SetMode } from "./schema";

const MODE_OPTIONS: Array<Option<SetMode>> = [
  { value: "text", label: "Text (with details)" },
  { value: "expression", label: "A calculation" },
];

export const SetIcon = () => <KindIcon><><path d="M5 9h14M5 15h14" /></></KindIcon>;

export const SetSummary = ({ data }: { data: SetData }) => (
  <p className="node-text">
    <code>{`{{${data.field}}}`}</code> = {data.value.trim() ? (data.mode === "expression" ? <code>{data.value}</code> : `“${data.value}”`) : <Unset>nothing yet</Unset>}
  </p>
);

export function SetSettings({ data, onChange, context }: SettingsProps<SetData>) {
  const others = context.fields.filter((field) => field.name !== data.field);
  return (
    <>
      <TextField
        label="Field to set"
        hint={
          <>
            Later steps use it as <code>{`{{${data.field || "name"}}}`}</code>; an existing field is overwritten.
          </>
        }
        value={data.field}
        onChange={(field) => onChange({ ...data, field: toIdentifier(field) })}
        problem={context.problem("field")}
        maxLength={64}
      />
      <SelectField label="Value" value={data.mode} options={MODE_OPTIONS} onChange={(mode) => onChange({ ...data, mode })} problem={context.problem("mode")} />
      {data.mode === "text" ? (
        <TemplateField label="Text" value={data.value} onChange={(value) => onChange({ ...data, value })} problem={context.problem("value")} fields={others} placeholder="{{first_name}} {{last_name}}" maxLength={1000} rows={2} />
      ) : (
        <TextField
          label="Calculation"
          hint={
            <>
              Use field names, numbers, "text", + - * / and {FUNCTION_NAMES.map((name) => `${name}()`).join(", ")}. E.g. <code>attempts + 1</code> or{" "}
              <code>lower(trim(order_status))</code>.
            </>
          }
          value={data.value}
          onChange={(value) => onChange({ ...data, value })}
          problem={context.problem("value")}
          placeholder="attempts + 1"
          maxLength={1000}
        />
      )}
    </>
  );
}
