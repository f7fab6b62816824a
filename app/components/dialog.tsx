/**
 * A modal dialog on the native <dialog> element: focus moves into it and is trapped (the page
 * behind is inert, but past the last control the browser hands Tab to its own UI or <body>, so
 * Tab and Shift+Tab wrap here), Escape
 * closes it, the page behind is inert, and on closing focus goes back to what had it before
 * (done here rather than left to the browser, whose restoring of focus on close is recent and
 * not everywhere). Open state is controlled by the caller.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Icon } from "./icons";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** The id of an element in `children` that describes the dialog (its aria-describedby). */
  describedBy?: string;
  children: ReactNode;
  /** Wider body, for forms with columns. */
  wide?: boolean;
};

export function Dialog({ open, onClose, title, description, describedBy, children, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // React's autoFocus runs while the dialog is still closed, so showModal would focus the first
      // control (Close): a control marked data-autofocus takes the focus instead.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
    // After a confirmed deletion the opener may be gone with its row: then focus stays put.
    if (!open && opener.current) {
      if (opener.current.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      aria-describedby={describedBy ?? (description ? descriptionId : undefined)}
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === "Tab") wrapFocus(event.currentTarget, event);
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its padded content box.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open ? (
        <div className="dialog-content">
          <header className="dialog-header">
            <div>
              <h2 id={titleId}>{title}</h2>
              {description ? <p id={descriptionId}>{description}</p> : null}
            </div>
            <button type="button" className="btn btn-ghost btn-icon" aria-label="Close" onClick={onClose}>
              <Icon name="close" size={16} />
            </button>
          </header>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** Tab on the dialog's last control goes to its first, Shift+Tab on the first to the last. */
function wrapFocus(dialog: HTMLDialogElement, event: { shiftKey: boolean; preventDefault: () => void }): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
  if (controls.length === 0) return;
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
