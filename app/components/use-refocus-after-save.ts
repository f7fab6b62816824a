/**
 * A form keyed by its saved values (so a save shows what was stored) comes back as a new element,
 * and the button that had focus leaves with the old one: focus falls to <body> and the next Tab
 * starts again at the top of the page. The form marks itself on submit; its successor, on mount,
 * puts focus back on its button unless something else has taken it meanwhile.
 * Module state, because the old element is gone by the time the new one mounts. A save that is
 * refused leaves the form in place (no successor): the form clears its own mark once the answer is
 * in, or the next mount of that form for another reason (a team removed, say) would take focus.
 */
import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { focusDroppedOrWithin } from "./focus-dropped";

let saving: string | null = null;

/** `id` names the form across the remount (e.g. "hours:<teamId>"); `returning` is true in the successor of the form just submitted. */
export function useRefocusAfterSave(id: string) {
  const ref = useRef<HTMLButtonElement>(null);
  const [returning] = useState(() => saving === id);
  const answered = useNavigation().state === "idle";
  useEffect(() => {
    if (!returning) return;
    saving = null;
    if (focusDroppedOrWithin()) ref.current?.focus();
  }, [returning]);
  // Still mounted when the submission is over: it was not replaced, so nobody is coming back to it.
  // (A saved form is unmounted in the same render that ends the submission, before this could run.)
  useEffect(() => {
    if (answered && saving === id) saving = null;
  }, [answered, id]);
  return { ref, returning, markSaving: () => void (saving = id) };
}
