/**
 * Form input → typed data, or the one error shape every form action answers with:
 * `{ fieldErrors, formError }` (a message per field, shown under it, and one for the form as a
 * whole, shown in the banner). Client-safe: routes parse with it, components read the shape.
 */
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;
export type FormErrors = { fieldErrors: FieldErrors; formError: string | null };
export type ParsedForm<T> = { ok: true; data: T } | ({ ok: false } & FormErrors);

type ParseFormOptions = {
  /** Fields that may repeat (checkboxes): read with getAll, parsed as arrays. */
  lists?: readonly string[];
  /** Fields whose problem belongs to the whole form (no input shows it): the intent by default. */
  formLevel?: readonly string[];
};

export function parseForm<Schema extends z.ZodType>(form: FormData, schema: Schema, options: ParseFormOptions = {}): ParsedForm<z.output<Schema>> {
  const values: Record<string, unknown> = Object.fromEntries(form);
  for (const name of options.lists ?? []) values[name] = form.getAll(name);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, ...toFormErrors(parsed.error, options.formLevel) };
}

/** The first message of each field; a problem with no field, or with a form-level one, is the form's. */
export function toFormErrors(error: z.ZodError, formLevel: readonly string[] = ["intent"]): FormErrors {
  const fieldErrors: FieldErrors = {};
  let formError: string | null = null;
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    if (field === null || formLevel.includes(field)) formError ??= issue.message;
    else fieldErrors[field] ??= issue.message;
  }
  return { fieldErrors, formError };
}

/** The same shape for a refusal found after parsing (a taken name, a wrong password): on `field` when one is named. */
export function formFailure(message: string, field?: string | null): FormErrors {
  return field ? { fieldErrors: { [field]: message }, formError: null } : { fieldErrors: {}, formError: message };
}
