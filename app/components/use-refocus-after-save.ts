/**
 * A form keyed by its saved values (so a save shows what was stored) comes back as a new element,
 * and the button that had focus leaves with the old one: focus falls to <body> and the next Tab
 * starts again at the top of the page. The form marks itself on submit; its successor, on mount,
 * puts focus back on its button unless something else has taken it meanwhile.
 * Module state, because the old element is gone by the time the new one mounts.
 */
import { useEffect, useRef, useState } from "react";

let saving: string | null = null;

/** `id` names the form across the remount (e.g. "hours:<teamId>"); `returning` is true in the successor of the form just submitted. */
export function useRefocusAfterSave(id: string) {
  const ref = useRef<HTMLButtonElement>(null);
  const [returning] = useState(() => saving === id);
  useEffect(() => {
    if (!returning) return;
    saving = null;
    if (!document.activeElement || document.activeElement === document.body) ref.current?.focus();
  }, [returning]);
  return { ref, returning, markSaving: () => void (saving = id) };
}
