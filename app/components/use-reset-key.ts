/**
 * A key that changes only when `intent` was saved, to empty that one form after its save. A page
 * with several forms has one action answer for all of them: keying every form on any success
 * emptied a half-typed form when another form on the page saved (/teams' "Add team" when a
 * person's row was saved, /integrations' API key when a host was allowed). The last key is kept in
 * state (set while rendering, as React's docs advise for values from earlier renders), so the next
 * answer, about another form, leaves it as it is.
 */
import { useState } from "react";

/** The part of a page's action answer this needs: which form's intent succeeded, and when. */
export type IntentAnswer<Intent extends string> = { ok: true; intent: Intent; at: number } | { ok: false };

export function useResetKey<Intent extends string>(result: IntentAnswer<Intent> | undefined, intent: Intent): number {
  const savedAt = result?.ok && result.intent === intent ? result.at : null;
  const [key, setKey] = useState(0);
  if (savedAt !== null && savedAt !== key) setKey(savedAt);
  return savedAt ?? key;
}
