/**
 * Form pieces: a labelled input with its server-side error (wired with aria-invalid and
 * aria-describedby so screen readers and tests find it), and the form-level error banner.
 */
import { forwardRef, useEffect, useId, useRef, type InputHTMLAttributes, type RefObject } from "react";
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
 * After a submission comes back refused, focus the first invalid field of the form it came from:
 * the button that was pressed re-renders and focus would fall to the page, leaving a keyboard or
 * screen-reader user to hunt for what to fix. Put the returned ref on that form, and pass the
 * action's answer only when it is this form's (on a page with several forms, each has its own
 * hook): the search never leaves the form, so another form's invalid field cannot take the focus.
 * It runs once per answer.
 */
export function useFocusFirstInvalid(answer: unknown): RefObject<HTMLFormElement> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (answer) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [answer]);
  return form;
}
