/**
 * A modal dialog on the native <dialog> element: focus moves into it and is trapped, Escape
 * closes it, the page behind is inert. Open state is controlled by the caller.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Icon } from "./icons";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Wider body, for forms with columns. */
  wide?: boolean;
};

export function Dialog({ open, onClose, title, description, children, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      onClose={onClose}
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
              {description ? <p>{description}</p> : null}
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
