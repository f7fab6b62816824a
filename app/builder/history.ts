/**
 * Undo/redo over whole documents (cheap: edits share every untouched node). Consecutive changes
 * with the same `coalesce` key within a second are one step — typing a sentence into a field is
 * undone at once, not per keystroke. A `sticky` key merges however long it takes (one drag of a
 * card, however slow, is one step).
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
  /** `edit` is pure: it gets the current document and returns the next one. */
  | { type: "change"; edit: (document: FlowDocument) => FlowDocument; coalesce?: string; sticky?: boolean; at: number }
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
      const document = action.edit(history.present);
      if (document === history.present) return history;
      const { last } = history;
      const merges = action.coalesce !== undefined && last?.key === action.coalesce && (action.sticky || action.at - last.at < COALESCE_MS);
      const past = merges ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
      return { present: document, past, future: [], last: action.coalesce ? { key: action.coalesce, at: action.at } : null };
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
