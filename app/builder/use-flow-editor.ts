/**
 * The editor's state: the document with its undo history, and the selection. Edits are pure
 * functions of the current document. (Measured card sizes live in the canvas alone.)
 */
import { useCallback, useReducer, useState } from "react";
import type { FlowDocument } from "~/flow/document";
import { EMPTY_SELECTION, type Selection } from "./canvas-types";
import { createHistory, historyReducer } from "./history";

export type Edit = (document: FlowDocument) => FlowDocument;
export type EditOptions = { coalesce?: string; sticky?: boolean };

let tick: string | null = null;
let ticks = 0;
/**
 * The same key for every edit made in one task: React Flow reports one Delete key press as an
 * edge change and then a node change, which must be one undo step.
 */
export function sameTaskKey(prefix: string): string {
  if (!tick) {
    ticks += 1;
    tick = `task:${ticks}`;
    setTimeout(() => (tick = null), 0);
  }
  return `${prefix}:${tick}`;
}

export function useFlowEditor(initial: FlowDocument) {
  const [history, dispatch] = useReducer(historyReducer, initial, createHistory);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);

  const edit = useCallback((change: Edit, options: EditOptions = {}) => dispatch({ type: "change", edit: change, ...options, at: Date.now() }), []);
  const undo = useCallback(() => dispatch({ type: "undo" }), []);
  const redo = useCallback(() => dispatch({ type: "redo" }), []);
  const reset = useCallback((document: FlowDocument) => dispatch({ type: "reset", document }), []);
  const select = useCallback((nodes: Iterable<string>, edges: Iterable<string> = []) => setSelection({ nodes: new Set(nodes), edges: new Set(edges) }), []);

  return {
    document: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    edit,
    undo,
    redo,
    reset,
    selection,
    setSelection,
    select,
  };
}

export type FlowEditorState = ReturnType<typeof useFlowEditor>;
