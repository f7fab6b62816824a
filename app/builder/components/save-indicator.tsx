/** "Saved" / "Saving…" / "Not saved: …" beside the flow's name; announced politely to screen readers. */
import type { SaveState } from "../use-autosave";

export function SaveIndicator({ state, invalid, onRetry }: { state: SaveState; invalid: string | null; onRetry: () => void }) {
  if (invalid) {
    return (
      <span className="save-state is-error" role="status">
        Not saved: {invalid}
      </span>
    );
  }
  switch (state.kind) {
    case "saved":
      return (
        <span className="save-state is-saved" role="status">
          Saved
        </span>
      );
    case "saving":
      return (
        <span className="save-state is-saving" role="status">
          Saving…
        </span>
      );
    case "conflict":
      return (
        <span className="save-state is-error" role="status">
          Not saved: changed elsewhere
        </span>
      );
    case "error":
      return (
        <span className="save-state is-error has-action" role="status">
          {/* The message may be cut short on a narrow toolbar; the button never is. */}
          <span className="save-state-text" title={`Not saved: ${state.message}`}>
            Not saved: {state.message}
          </span>{" "}
          <button type="button" className="link-button" onClick={onRetry}>
            Retry now
          </button>
        </span>
      );
  }
}
