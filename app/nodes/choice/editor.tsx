import { useId } from "react";
import { FieldNote, SelectField, TextField, toIdentifier } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import { MAX_OPTIONS, type ChoiceData } from "./schema";

const RETRY_OPTIONS = [0, 1, 2, 3].map((count) => ({ value: String(count), label: count === 0 ? "Take “Something else” at once" : `Ask again up to ${count} time${count === 1 ? "" : "s"}` }));

export const ChoiceIcon = () => <KindIcon><><rect x="3" y="5" width="18" height="5" rx="2.5" /><rect x="3" y="14" width="18" height="5" rx="2.5" /></></KindIcon>;

export const ChoiceSummary = ({ data }: { data: ChoiceData }) => (
  <>
    <p className="node-text">{data.question.trim() || <Unset>No question yet</Unset>}</p>
    <p className="node-meta">
      {data.options.length} button{data.options.length === 1 ? "" : "s"}
      {data.field ? (
        <>
          {" "}· saves <code>{`{{${data.field}}}`}</code>
        </>
      ) : null}
    </p>
  </>
);

function nextOptionId(data: ChoiceData): string {
  const ids = new Set(data.options.map((option) => option.id));
  for (let n = data.options.length + 1; ; n += 1) if (!ids.has(`option_${n}`)) return `option_${n}`;
}

function OptionRows({ data, onChange, context }: SettingsProps<ChoiceData>) {
  const id = useId();
  const setOptions = (options: ChoiceData["options"]) => onChange({ ...data, options });
  const move = (index: number, by: number) => {
    const options = [...data.options];
    const [moved] = options.splice(index, 1);
    options.splice(index + by, 0, moved);
    setOptions(options);
  };
  const listProblem = context.problem("options");
  return (
    <fieldset className="field kv-rows" aria-describedby={`${id}-hint`}>
      <legend className="label">Buttons</legend>
      {data.options.map((option, index) => {
        const problem = context.problem(`options.${index}.label`);
        return (
          <div key={option.id}>
            <div className="kv-row kv-row-option">
              <input className="input" aria-label={`Button ${index + 1}`} value={option.label} maxLength={80} aria-invalid={problem?.severity === "error" ? true : undefined} onChange={(event) => setOptions(data.options.map((o, at) => (at === index ? { ...o, label: event.target.value } : o)))} />
              <button type="button" className="btn btn-ghost btn-sm" aria-label={`Move button ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Remove button ${index + 1}`} onClick={() => setOptions(data.options.filter((_, at) => at !== index))}>
                ✕
              </button>
            </div>
            {problem ? <p className={problem.severity === "error" ? "field-error" : "field-warning"}>{problem.message}</p> : null}
          </div>
        );
      })}
      {data.options.length < MAX_OPTIONS ? (
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => setOptions([...data.options, { id: nextOptionId(data), label: `Option ${data.options.length + 1}` }])}>
          Add a button
        </button>
      ) : null}
      <FieldNote id={id} hint={`2 to ${MAX_OPTIONS} buttons; each is an output on the card. Typed answers count too (“the second one”, a near spelling).`} problem={listProblem} />
    </fieldset>
  );
}

export function ChoiceSettings(props: SettingsProps<ChoiceData>) {
  const { data, onChange, context } = props;
  return (
    <>
      <TemplateField label="Question" value={data.question} onChange={(question) => onChange({ ...data, question })} problem={context.problem("question")} fields={context.fields} placeholder="What can I help you with?" maxLength={2000} />
      <OptionRows {...props} />
      <TextField
        label="Also save the answer as (optional)"
        hint="Leave empty when the path taken is enough."
        value={data.field ?? ""}
        onChange={(value) => {
          const { field: _previous, ...rest } = data;
          const field = toIdentifier(value);
          onChange(field ? { ...rest, field } : rest);
        }}
        problem={context.problem("field")}
        maxLength={64}
      />
      <SelectField
        label="When the answer matches no button"
        hint="After that, the conversation takes the “Something else” output."
        value={String(data.retries)}
        options={RETRY_OPTIONS}
        onChange={(retries) => onChange({ ...data, retries: Number(retries) })}
        problem={context.problem("retries")}
      />
    </>
  );
}
