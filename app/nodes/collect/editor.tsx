import { LinesField, SelectField, TextField, toIdentifier, type Option } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import { createCard, Unset } from "../shared/editor/node-card";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import type { CollectData, FieldType } from "./schema";

const TYPE_OPTIONS: Array<Option<FieldType>> = [
  { value: "text", label: "Any text" },
  { value: "email", label: "Email address" },
  { value: "phone", label: "Phone number" },
  { value: "number", label: "Number" },
  { value: "date", label: "Date" },
  { value: "choice", label: "One of a few choices (buttons)" },
  { value: "pattern", label: "Custom format (pattern)" },
];
const TYPE_NAMES = Object.fromEntries(TYPE_OPTIONS.map((option) => [option.value, option.label.replace(/ \(.*\)$/, "").toLowerCase()]));
const RETRY_OPTIONS = [0, 1, 2, 3, 4, 5].map((count) => ({ value: String(count), label: count === 0 ? "Don't ask again" : `Ask again up to ${count} time${count === 1 ? "" : "s"}` }));

export const CollectIcon = () => <KindIcon><><rect x="5" y="3" width="14" height="18" rx="2" /><path d="M9 8h6M9 12h6M9 16h3" /></></KindIcon>;

export const CollectCard = createCard<CollectData>("CollectCard", CollectIcon, ({ data }) => (
  <>
    <p className="node-text">{data.question.trim() || <Unset>No question yet</Unset>}</p>
    <p className="node-meta">
      Saves <code>{`{{${data.field}}}`}</code> · {TYPE_NAMES[data.type]}
    </p>
  </>
));

export function CollectSettings({ data, onChange, context }: SettingsProps<CollectData>) {
  const others = context.fields.filter((field) => field.name !== data.field);
  return (
    <>
      <TemplateField
        label="Question"
        hint="Skipped when the customer already gave this detail earlier in the conversation."
        value={data.question}
        onChange={(question) => onChange({ ...data, question })}
        problem={context.problem("question")}
        fields={others}
        placeholder="What is your order number?"
        maxLength={2000}
      />
      <TextField
        label="Save the answer as"
        hint={
          <>
            Use it in later messages as <code>{`{{${data.field || "name"}}}`}</code>.
          </>
        }
        value={data.field}
        onChange={(field) => onChange({ ...data, field: toIdentifier(field) })}
        problem={context.problem("field")}
        maxLength={64}
      />
      <SelectField label="Kind of answer" value={data.type} options={TYPE_OPTIONS} onChange={(type) => onChange({ ...data, type })} problem={context.problem("type")} />
      {data.type === "pattern" ? (
        <TextField
          label="Pattern"
          hint="A regular expression the answer must match, e.g. [A-Z]-\d{5} for A-12345."
          value={data.pattern}
          onChange={(pattern) => onChange({ ...data, pattern })}
          problem={context.problem("pattern")}
          maxLength={500}
        />
      ) : null}
      {data.type === "choice" ? (
        <LinesField
          label="Choices (one per line)"
          hint="Shown as buttons; the customer can also type one."
          values={data.choices}
          onChange={(choices) => onChange({ ...data, choices })}
          problem={context.problem("choices")}
          placeholder={"In transit\nDelivered\nNot shipped yet"}
        />
      ) : null}
      <SelectField
        label="When the answer is not valid"
        hint="After that, the conversation takes the “Failed” output."
        value={String(data.retries)}
        options={RETRY_OPTIONS}
        onChange={(retries) => onChange({ ...data, retries: Number(retries) })}
        problem={context.problem("retries")}
      />
    </>
  );
}
