/**
 * A destructive button that asks first: it opens a dialog saying what will happen, and only its
 * confirm button posts the form (Cancel, Escape or the backdrop change nothing). For removals
 * whose effect is not visible on the page itself, e.g. a host a published flow calls.
 */
import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { Dialog } from "./dialog";

type Props = {
  /** The button's text in the table, and its accessible name (which says what it removes). */
  label: string;
  accessibleName: string;
  title: string;
  text: ReactNode;
  confirm: string;
  /** The hidden fields the confirmed form posts (the intent and the id). */
  fields: Record<string, string>;
};

export function ConfirmSubmit({ label, accessibleName, title, text, confirm, fields }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-danger btn-sm" aria-label={accessibleName} onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <Form method="post" className="stack" onSubmit={() => setOpen(false)}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p className="muted">{text}</p>
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)} autoFocus>
              Cancel
            </button>
            <button type="submit" className="btn btn-danger-solid">
              {confirm}
            </button>
          </div>
        </Form>
      </Dialog>
    </>
  );
}
