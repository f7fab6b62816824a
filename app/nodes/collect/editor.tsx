import { LinesField, SelectField, TextField, toIdentifier, type Option } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import { effectivePattern } from "./compile";
import { describeFormat, POSTAL_COUNTRIES, type AnswerFormat, type PostalCountry } from "./formats";
import type { CollectData, FieldType } from "./schema";

const TYPE_OPTIONS: Array<Option<FieldType>> = [
  { value: "text", label: "Any text" },
  { value: "email", label: "Email address" },
  { value: "phone", label: "Phone number" },
  { value: "number", label: "Number" },
  { value: "date", label: "Date" },
  { value: "choice", label: "One of a few choices (buttons)" },
  { value: "yesno", label: "Yes or no (buttons)" },
  { value: "pattern", label: "A set format (e.g. ABC-1234)" },
];
const TYPE_NAMES = Object.fromEntries(TYPE_OPTIONS.map((option) => [option.value, option.label.replace(/ \(.*\)$/, "").toLowerCase()]));
const FORMAT_OPTIONS: Array<Option<AnswerFormat["kind"]>> = [
  { value: "example", label: "Like an example (e.g. ABC-1234)" },
  { value: "digits", label: "Digits" },
  { value: "postal", label: "Postal code" },
  { value: "regex", label: "Advanced: a regular expression" },
];
const FORMAT_DEFAULTS: { [K in AnswerFormat["kind"]]: Extract<AnswerFormat, { kind: K }> } = {
  example: { kind: "example", example: "" },
  digits: { kind: "digits", min: 6, max: 6 },
  postal: { kind: "postal", country: "US" },
  regex: { kind: "regex" },
};
const LENGTH_OPTIONS = Array.from({ length: 30 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }));
const COUNTRY_OPTIONS = (Object.keys(POSTAL_COUNTRIES) as PostalCountry[]).map((code) => ({ value: code, label: POSTAL_COUNTRIES[code].label }));
const RETRY_OPTIONS = [0, 1, 2, 3, 4, 5].map((count) => ({ value: String(count), label: count === 0 ? "Don't ask again" : `Ask again up to ${count} time${count === 1 ? "" : "s"}` }));

export const CollectIcon = () => <KindIcon><><rect x="5" y="3" width="14" height="18" rx="2" /><path d="M9 8h6M9 12h6M9 16h3" /></></KindIcon>;

export const CollectSummary = ({ data }: { data: CollectData }) => (
  <>
    <p className="node-text">{data.question.trim() || <Unset>No question yet</Unset>}</p>
    <p className="node-meta">
      Saves <code>{`{{${data.field}}}`}</code> · {data.type === "pattern" ? describeFormat(data.format) : TYPE_NAMES[data.type]}
    </p>
  </>
);

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
      <SelectField
        label="Kind of answer"
        value={data.type}
        options={TYPE_OPTIONS}
        // A new format step starts from an example, not a regular expression.
        onChange={(type) => onChange({ ...data, type, format: type === "pattern" && !data.format && !data.pattern ? FORMAT_DEFAULTS.example : data.format })}
        problem={context.problem("type")}
      />
      {data.type === "pattern" ? <FormatSettings data={data} onChange={onChange} context={context} /> : null}
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

/** The format of a "pattern" step: a preset, or the regular expression as the advanced option. */
function FormatSettings({ data, onChange, context }: SettingsProps<CollectData>) {
  const format = data.format ?? FORMAT_DEFAULTS.regex;
  const setFormat = (next: AnswerFormat) => onChange({ ...data, format: next });
  const generated = format.kind === "regex" ? null : effectivePattern(data);
  const preview = generated ? (
    <>
      Checks answers against <code>{generated}</code>, ignoring case.
    </>
  ) : undefined;
  return (
    <>
      <SelectField label="Format" value={format.kind} options={FORMAT_OPTIONS} onChange={(kind) => setFormat(FORMAT_DEFAULTS[kind])} problem={context.problem("format")} />
      {format.kind === "example" ? (
        <TextField
          label="Example answer"
          hint={preview ?? "Letters stand for any letters, digits for any digits, the rest must be typed as shown."}
          value={format.example}
          onChange={(example) => setFormat({ kind: "example", example })}
          placeholder="ABC-1234"
          maxLength={60}
        />
      ) : null}
      {format.kind === "digits" ? (
        <>
          <SelectField label="At least this many digits" value={String(format.min)} options={LENGTH_OPTIONS} onChange={(min) => setFormat({ ...format, min: Number(min), max: Math.max(Number(min), format.max) })} />
          <SelectField label="At most this many digits" hint={preview} value={String(format.max)} options={LENGTH_OPTIONS} onChange={(max) => setFormat({ ...format, max: Number(max), min: Math.min(Number(max), format.min) })} />
        </>
      ) : null}
      {format.kind === "postal" ? (
        <SelectField label="Country" hint={preview} value={format.country} options={COUNTRY_OPTIONS} onChange={(country) => setFormat({ kind: "postal", country })} />
      ) : null}
      {format.kind === "regex" ? (
        <TextField
          label="Pattern"
          hint="A regular expression the answer must match, e.g. [A-Z]-\d{5} for A-12345. Lookahead and back-references are not supported."
          value={data.pattern}
          onChange={(pattern) => onChange({ ...data, pattern })}
          problem={context.problem("pattern")}
          maxLength={500}
        />
      ) : null}
    </>
  );
}
