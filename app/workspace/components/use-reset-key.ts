/**
 * A key that changes only when `intent` was saved, to empty that one form after its save. The page
 * has one action answer for every form: keying a form on any success emptied a half-typed "Add
 * team" when a person's row or a team's hours were saved. The last key is kept in state (set while
 * rendering, as React's docs advise for values from earlier renders), so the next answer, about
 * another form, leaves it as it is.
 */
import { useState } from "react";
import type { TeamsActionData, TeamsIntent } from "./teams-action";

export function useResetKey(result: TeamsActionData | undefined, intent: TeamsIntent): number {
  const savedAt = result?.ok && result.intent === intent ? result.at : null;
  const [key, setKey] = useState(0);
  if (savedAt !== null && savedAt !== key) setKey(savedAt);
  return savedAt ?? key;
}
