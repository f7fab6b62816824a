/**
 * Form controls for the settings panel: each one has a visible label, a hint, and its problem
 * (an invalid value or a compiler diagnostic) wired with aria-invalid / aria-describedby.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from "react";
import type { FieldProblem } from "./types";

type Base = { label: string; hint?: ReactNode; problem?: FieldProblem };

function describedBy(id: string, problem: FieldProblem | undefined, hint: ReactNode) {
  return problem ? `${id}-problem` : hint ? `${id}-hint` : undefined;
}

function FieldShell({ id, label, hint, problem, children }: Base & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children}
      <FieldNote id={id} hint={hint} problem={problem} />
    </div>
  );
}

export function FieldNote({ id, hint, problem }: { id: string; hint?: ReactNode; problem?: FieldProblem }) {
  if (problem) {
    return (
      <p className={problem.severity === "error" ? "field-error" : "field-warning"} id={`${id}-problem`}>
        {problem.message}
      </p>
    );
  }
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

const invalid = (problem?: FieldProblem) => (problem?.severity === "error" ? true : undefined);

type TextFieldProps = Base & { value: string; onChange: (value: string) => void; placeholder?: string; maxLength?: number; inputRef?: Ref<HTMLInputElement> };

export function TextField({ label, hint, problem, value, onChange, placeholder, maxLength, inputRef }: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} problem={problem}>
      <input
        id={id}
        ref={inputRef}
        className="input"
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid(problem)}
        aria-describedby={describedBy(id, problem, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

type TextAreaProps = Base & { value: string; onChange: (value: string) => void; placeholder?: string; maxLength?: number; rows?: number; id?: string; inputRef?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, hint, problem, value, onChange, placeholder, maxLength, rows = 3, id: givenId, inputRef }: TextAreaProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <FieldShell id={id} label={label} hint={hint} problem={problem}>
      <textarea
        id={id}
        ref={inputRef}
        className="input textarea"
        value={value}
        rows={rows}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-invalid={invalid(problem)}
        aria-describedby={describedBy(id, problem, hint)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

export type Option<V extends string> = { value: V; label: string };

export function SelectField<V extends string>({ label, hint, problem, value, options, onChange }: Base & { value: V; options: Array<Option<V>>; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} problem={problem}>
      <select id={id} className="select" value={value} aria-invalid={invalid(problem)} aria-describedby={describedBy(id, problem, hint)} onChange={(event) => onChange(event.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function ToggleField({ label, hint, checked, onChange }: Omit<Base, "problem"> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="toggle" htmlFor={id}>
        <input id={id} type="checkbox" role="switch" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.checked)} />
        <span className="toggle-track" aria-hidden="true" />
        <span className="label">{label}</span>
      </label>
      <FieldNote id={id} hint={hint} />
    </div>
  );
}

/** A 0..1 value as a percentage slider in steps of 5 %. */
export function PercentField({ label, hint, problem, value, onChange }: Base & { value: number; onChange: (value: number) => void }) {
  const id = useId();
  const percent = Math.round(value * 100);
  return (
    <FieldShell id={id} label={label} hint={hint} problem={problem}>
      <div className="percent-field">
        <input
          id={id}
          type="range"
          min={0}
          max={100}
          step={5}
          value={percent}
          aria-valuetext={`${percent} percent`}
          aria-describedby={describedBy(id, problem, hint)}
          onChange={(event) => onChange(Number(event.target.value) / 100)}
        />
        <output htmlFor={id} className="percent-value">
          {percent}%
        </output>
      </div>
    </FieldShell>
  );
}

/**
 * A list of short texts typed one per line. The text is kept as typed (a trailing empty line
 * while typing stays), and the list without empty lines is what changes.
 */
export function LinesField({ label, hint, problem, values, onChange, placeholder, rows = 4 }: Base & { values: string[]; onChange: (values: string[]) => void; placeholder?: string; rows?: number }) {
  const [text, setText] = useState(values.join("\n"));
  const lastSent = useRef(values);
  // Another source changed the list (undo, a different node): show it.
  useEffect(() => {
    if (values === lastSent.current) return;
    lastSent.current = values;
    setText(values.join("\n"));
  }, [values]);
  return (
    <TextAreaField
      label={label}
      hint={hint}
      problem={problem}
      value={text}
      rows={rows}
      placeholder={placeholder}
      onChange={(next) => {
        setText(next);
        const lines = next.split("\n").map((line) => line.trim()).filter(Boolean);
        if (lines.join("\n") === lastSent.current.join("\n")) return;
        lastSent.current = lines;
        onChange(lines);
      }}
    />
  );
}

/** Several of a fixed set of values (knowledge-base tags) as checkboxes. */
export function CheckboxListField({ label, hint, values, options, onChange, empty }: Omit<Base, "problem"> & { values: string[]; options: string[]; onChange: (values: string[]) => void; empty: ReactNode }) {
  const id = useId();
  const all = [...new Set([...options, ...values])];
  return (
    <fieldset className="field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="label">{label}</legend>
      {all.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <div className="checkbox-list">
          {all.map((option) => (
            <label key={option} className="checkbox">
              <input
                type="checkbox"
                checked={values.includes(option)}
                onChange={(event) => onChange(event.target.checked ? [...values, option] : values.filter((value) => value !== option))}
              />
              {option}
            </label>
          ))}
        </div>
      )}
      <FieldNote id={id} hint={hint} />
    </fieldset>
  );
}

/** Identifiers (intent and field names) are typed like words: spaces become underscores. */
export function toIdentifier(text: string): string {
  return text.replace(/\s/g, "_");
}
