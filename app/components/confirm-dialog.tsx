/**
 * The one "are you sure?" dialog for destructive actions (delete a flow or archive it, delete an
 * article, remove an allowed host or an API key). On the shared Dialog: focus moves in (to
 * Cancel, the safe choice) and is trapped, Escape, Cancel and the backdrop change nothing, focus
 * goes back to the button that opened it; the title names it and the text describes it to
 * screen readers. Only the confirm button posts the form, with the given hidden fields.
 *
 * ConfirmDialog is controlled (the flows table opens it for the row it was asked about);
 * ConfirmButton is a button that opens one of its own.
 */
import { Form } from "@remix-run/react";
import { useId, useState, type ReactNode } from "react";
import { Dialog } from "./dialog";
import { FormError } from "./form";

type ConfirmProps = {
  title: string;
  text: ReactNode;
  /** The confirm button's text: says what it does ("Delete flow", not "OK"). */
  confirm: string;
  /** The hidden fields the confirmed form posts (the intent and the id). */
  fields: Record<string, string>;
  /** The server refused: shown above the text, the dialog stays open. */
  formError?: string | null;
  /** A submission is under way: the confirm button is disabled. */
  busy?: boolean;
};

export function ConfirmDialog({ open, onClose, onSubmit, title, text, confirm, fields, formError, busy }: ConfirmProps & { open: boolean; onClose: () => void; onSubmit?: () => void }) {
  const textId = useId();
  return (
    <Dialog open={open} onClose={onClose} title={title} describedBy={textId}>
      <Form method="post" className="stack" onSubmit={onSubmit}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormError message={formError} />
        <p id={textId} className="muted">
          {text}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger-solid" disabled={busy}>
            {confirm}
          </button>
        </div>
      </Form>
    </Dialog>
  );
}

type ButtonProps = ConfirmProps & {
  /** The button's content on the page. */
  label: ReactNode;
  /** Its accessible name when the label alone does not say what it removes ("Remove api.shop.example"). */
  accessibleName?: string;
  className?: string;
};

/** A destructive button that asks first. The dialog closes as the confirmed form posts. */
export function ConfirmButton({ label, accessibleName, className = "btn btn-danger btn-sm", ...confirmProps }: ButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-label={accessibleName} onClick={() => setOpen(true)}>
        {label}
      </button>
      <ConfirmDialog open={open} onClose={() => setOpen(false)} onSubmit={() => setOpen(false)} {...confirmProps} />
    </>
  );
}
