/**
 * A submit button that refuses a second submission while the first is on its way, without the
 * `disabled` attribute: a button disabled while it has focus drops that focus to <body> (Chrome,
 * Firefox), so a keyboard or screen-reader user who pressed Save found themselves at the top of
 * the page with the "Saved" notice somewhere they were not. `aria-disabled` says the same to
 * assistive technology and keeps focus where it was; the click (and the Enter that submits a form
 * through its default button, which is a click too) is cancelled while busy.
 */
import { forwardRef, type ButtonHTMLAttributes } from "react";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled"> & { busy: boolean };

export const BusySubmitButton = forwardRef<HTMLButtonElement, Props>(function BusySubmitButton({ busy, onClick, className, ...button }, ref) {
  return (
    <button
      {...button}
      ref={ref}
      type="submit"
      className={busy ? `${className ?? ""} is-busy`.trim() : className}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) return event.preventDefault();
        onClick?.(event);
      }}
    />
  );
});
