/**
 * The inbox's phone layout (one pane at a time, inbox.css `@media (max-width: 923px)`): the
 * list alone, or the open conversation alone. Phones and tablets up to where three panes fit
 * with a conversation of at least 420 px. Focus follows the pane that is shown, so the
 * components ask the same question the stylesheet does. Keep the two widths in step.
 */
export const PHONE_LAYOUT_QUERY = "(max-width: 923px)";

export function isPhoneLayout(): boolean {
  return typeof window !== "undefined" && window.matchMedia(PHONE_LAYOUT_QUERY).matches;
}

/** Navigation state from "Back": the row of the conversation the agent came back from gets the focus. */
export type ReturnFocusState = { returnFocusTo: string };

export function returnFocusTarget(state: unknown): string | null {
  const value = typeof state === "object" && state !== null ? (state as Partial<ReturnFocusState>).returnFocusTo : undefined;
  return typeof value === "string" ? value : null;
}

/**
 * Navigation state of a link clicked on the list itself (a row, "Saved replies"): the entry
 * before it in the browser's history is the list, so "Back" can go back to it instead of pushing
 * another list entry (which made the browser's own Back reopen the page just left).
 */
export type FromListState = { fromList: true };

export function fromListState(pathname: string): FromListState | undefined {
  return pathname === "/inbox" ? { fromList: true } : undefined;
}

export function cameFromList(state: unknown): boolean {
  return typeof state === "object" && state !== null && (state as Partial<FromListState>).fromList === true;
}

// A history step back cannot carry state: the row to focus is handed to the list here instead.
let pendingReturnFocus: string | null = null;

export function rememberReturnFocus(id: string | null): void {
  pendingReturnFocus = id;
}

export function takeReturnFocus(): string | null {
  const id = pendingReturnFocus;
  pendingReturnFocus = null;
  return id;
}
