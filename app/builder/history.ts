/**
 * Undo/redo over whole documents (cheap: edits share every untouched node). Consecutive changes
 * with the same `coalesce` key within a second are one step — typing a sentence into a field or
 * dragging a card is undone at once, not per keystroke or per pixel.
 */
import type { FlowDocument } from "~/flow/document";

export const HISTORY_LIMIT = 100;
const COALESCE_MS = 1_000;

export type History = {
  present: FlowDocument;
  past: FlowDocument[];
  future: FlowDocument[];
  last: { key: string; at: number } | null;
};

export type HistoryAction =
  | { type: "change"; document: FlowDocument; coalesce?: string; at: number }
  | { type: "undo" }
  | { type: "redo" }
  /** Replaces the document without an undo step (a conflict resolved by loading the server's copy). */
  | { type: "reset"; document: FlowDocument };

export function createHistory(document: FlowDocument): History {
  return { present: document, past: [], future: [], last: null };
}

export function historyReducer(history: History, action: HistoryAction): History {
  switch (action.type) {
    case "change": {
      if (action.document === history.present) return history;
      const { last } = history;
      const merges = action.coalesce !== undefined && last?.key === action.coalesce && action.at - last.at < COALESCE_MS;
      const past = merges ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
      return { present: action.document, past, future: [], last: action.coalesce ? { key: action.coalesce, at: action.at } : null };
    }
    case "undo": {
      const previous = history.past[history.past.length - 1];
      if (!previous) return history;
      return { present: previous, past: history.past.slice(0, -1), future: [history.present, ...history.future], last: null };
    }
    case "redo": {
      const [next, ...future] = history.future;
      if (!next) return history;
      return { present: next, past: [...history.past, history.present], future, last: null };
    }
    case "reset":
      return createHistory(action.document);
  }
}
