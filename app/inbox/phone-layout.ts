/**
 * The inbox's phone layout (one pane at a time, inbox.css `@media (max-width: 700px)`): the
 * list alone, or the open conversation alone. Focus follows the pane that is shown, so the
 * components ask the same question the stylesheet does. Keep the two widths in step.
 */
export const PHONE_LAYOUT_QUERY = "(max-width: 700px)";

export function isPhoneLayout(): boolean {
  return typeof window !== "undefined" && window.matchMedia(PHONE_LAYOUT_QUERY).matches;
}

/** Navigation state from "Back": the row of the conversation the agent came back from gets the focus. */
export type ReturnFocusState = { returnFocusTo: string };

export function returnFocusTarget(state: unknown): string | null {
  const value = typeof state === "object" && state !== null ? (state as Partial<ReturnFocusState>).returnFocusTo : undefined;
  return typeof value === "string" ? value : null;
}
