/**
 * Keyboard moves between a card and its settings. React Flow makes each card a tab stop and
 * selects it on Enter, but the form sits after every card and edge in the tab order (hundreds
 * of stops on a large flow), so Enter on the selected card jumps into its form and Escape in
 * the form comes back to the card.
 */
import { useCallback, type KeyboardEvent } from "react";
import { useStoreApi } from "reactflow";

const FIELDS = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";

/** The id of the card a key press on the canvas came from, when it is the card itself (not a handle). */
export function cardOfKeyEvent(event: KeyboardEvent): string | null {
  const target = event.target as HTMLElement;
  return target.classList.contains("react-flow__node") ? target.getAttribute("data-id") : null;
}

export function focusFirstField(container: HTMLElement | null): boolean {
  const field = container?.querySelector(".panel-form")?.querySelector<HTMLElement>(FIELDS);
  field?.focus();
  return Boolean(field);
}

/** Frames to wait for a card to be drawn: the view glides to a new card for 250–300 ms. */
const CARD_WAIT_FRAMES = 30;

export function focusCard(nodeId: string): void {
  // The card may be drawn only after the view moved to it, and a new card stays hidden (so
  // unfocusable) until React Flow has measured it: try again on the next frames.
  let tries = 0;
  const attempt = () => {
    const card = window.document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
    // The view brings the card in (it may still be gliding there): the browser's own scrolling
    // to a focused element would shift the whole canvas inside its clipped box.
    card?.focus({ preventScroll: true });
    if (card && window.document.activeElement === card) return;
    if ((tries += 1) < CARD_WAIT_FRAMES) requestAnimationFrame(attempt);
  };
  attempt();
}

/**
 * Says something through the canvas's live region (React Flow's own, which announces keyboard
 * moves of a card). Emptied first so the same words said twice (two steps of one kind added in a
 * row) are announced twice.
 */
export function useCanvasAnnouncer(): (message: string) => void {
  const store = useStoreApi();
  return useCallback(
    (message: string) => {
      store.setState({ ariaLiveMessage: "" });
      requestAnimationFrame(() => store.setState({ ariaLiveMessage: message }));
    },
    [store],
  );
}
