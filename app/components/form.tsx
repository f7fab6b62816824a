/**
 * Form pieces: a labelled input with its server-side error (wired with aria-invalid and
 * aria-describedby so screen readers and tests find it), and the form-level error banner.
 */
import { forwardRef, useEffect, useId, type InputHTMLAttributes } from "react";
import type { FieldErrors } from "~/utils/parse-form";
import { Icon } from "./icons";

export type { FieldErrors };

type FieldProps = { label: string; error?: string; hint?: string; name: string } & InputHTMLAttributes<HTMLInputElement>;

export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, error, hint, ...input }, ref) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input ref={ref} id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
});

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      <Icon name="alert" size={16} />
      <span>{message}</span>
    </div>
  );
}

/**
 * After a submission comes back refused, focus its first invalid field: the button that was
 * pressed re-renders and focus would fall to the page, leaving a keyboard or screen-reader user
 * to hunt for what to fix. Pass the action's answer; it runs once per answer.
 */
export function useFocusFirstInvalid(answer: unknown): void {
  useEffect(() => {
    if (answer) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [answer]);
}
