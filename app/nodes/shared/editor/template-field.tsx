/**
 * A message the bot says, with `{{field}}` details: the text, a picker that inserts a detail
 * at the cursor, and a live preview bubble where each detail is filled with a sample of what
 * the customer will see (an unknown detail shows as the empty text a customer would get).
 */
import { useId, useRef } from "react";
import { describeField } from "../field-name";
import { splitTemplate } from "../template";
import { TextAreaField } from "./fields";
import type { FieldProblem, KnownField, SettingsProps } from "./types";

const SAMPLES: Record<KnownField["type"], string> = {
  text: "",
  email: "ana.lopez@example.com",
  phone: "+1 555 0100",
  number: "42",
  pattern: "A-12345",
  choice: "",
  date: "2025-06-01",
  yesno: "yes",
  contact: "",
};

export function sampleValue(field: KnownField): string {
  if (field.name === "name") return "Ana";
  if (field.name === "email") return SAMPLES.email;
  if (field.type === "choice" && field.choices[0]) return field.choices[0];
  return SAMPLES[field.type] || describeField(field.name);
}

export function TemplatePreview({ text, fields }: { text: string; fields: KnownField[] }) {
  const known = new Map(fields.map((field) => [field.name, field]));
  const parts = splitTemplate(text);
  if (!text.trim()) return null;
  return (
    <div className="template-preview" aria-label="Preview">
      <span className="eyebrow">Preview</span>
      <p className="template-preview-bubble">
        {parts.map((part, index) => {
          if ("text" in part) return <span key={index}>{part.text}</span>;
          const field = known.get(part.field);
          return field ? (
            <mark key={index} className="template-sample" title={`{{${part.field}}}`}>
              {sampleValue(field)}
            </mark>
          ) : (
            <mark key={index} className="template-sample is-missing" title={`No step collects {{${part.field}}}: the customer sees nothing here`}>
              {`{{${part.field}}}`}
            </mark>
          );
        })}
      </p>
    </div>
  );
}

type Props = {
  label: string;
  hint?: string;
  problem?: FieldProblem;
  value: string;
  onChange: (value: string) => void;
  fields: KnownField[];
  placeholder?: string;
  maxLength?: number;
  rows?: number;
};

export function TemplateField({ label, hint, problem, value, onChange, fields, placeholder, maxLength, rows = 3 }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pickerId = useId();
  const insert = (name: string) => {
    const element = textarea.current;
    const token = `{{${name}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <div className="template-field">
      <TextAreaField label={label} hint={hint} problem={problem} value={value} onChange={onChange} placeholder={placeholder} maxLength={maxLength} rows={rows} inputRef={textarea} />
      {fields.length > 0 ? (
        <div className="template-insert">
          <label htmlFor={pickerId} className="visually-hidden">
            Insert a detail into “{label}”
          </label>
          <select
            id={pickerId}
            className="select select-sm"
            value=""
            onChange={(event) => {
              if (event.target.value) insert(event.target.value);
            }}
          >
            <option value="">Insert a detail…</option>
            {fields.map((field) => (
              <option key={field.name} value={field.name}>
                {describeField(field.name)} — {`{{${field.name}}}`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <TemplatePreview text={value} fields={fields} />
    </div>
  );
}

type TemplateSettingsOptions = Pick<Props, "label" | "hint" | "placeholder" | "maxLength" | "rows">;

/** The settings form of a step that is one message with `{{field}}` details (start, message, end). */
export function createTemplateSettings<K extends string>(key: K, options: TemplateSettingsOptions) {
  return function TemplateSettings({ data, onChange, context }: SettingsProps<{ [P in K]: string }>) {
    return <TemplateField {...options} value={data[key]} onChange={(value) => onChange({ ...data, [key]: value })} problem={context.problem(key)} fields={context.fields} />;
  };
}
