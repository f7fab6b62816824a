/**
 * Keeps an admin from losing an unsaved article: leaving the page inside the app asks first (our
 * own dialog, not window.confirm), and closing or reloading the tab gets the browser's warning.
 * Submitting the form is not leaving: its POST goes to the same page.
 */
import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";

export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (blocker.state === "blocked" && !dialog.current?.open) dialog.current?.showModal();
    if (blocker.state !== "blocked" && dialog.current?.open) dialog.current.close();
  }, [blocker.state]);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!when) return;
        event.preventDefault();
        event.returnValue = "";
      },
      [when],
    ),
  );
  return (
    <dialog ref={dialog} className="kb-dialog" aria-labelledby="unsaved-title" onCancel={() => blocker.reset?.()}>
      <div className="stack">
        <h2 id="unsaved-title">Leave without saving?</h2>
        <p>Your changes to this article have not been saved. If you leave now, they are lost.</p>
        <div className="row kb-dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={() => blocker.reset?.()}>
            Keep editing
          </button>
          <button type="button" className="btn btn-danger-solid" onClick={() => blocker.proceed?.()}>
            Leave without saving
          </button>
        </div>
      </div>
    </dialog>
  );
}
