/**
 * Document ↔ canvas. The flow document is the one source of truth: React Flow's nodes and edges
 * are derived from it (plus what only the canvas knows: selection, measured sizes, diagnostics
 * badges, the preview's path, the analytics overlay's numbers), and React Flow's change events are translated back into
 * document edits. Derived objects are cached per node, so a 300-node flow re-creates only the
 * nodes an edit touched and React Flow re-renders only those cards.
 */
import { MarkerType, type EdgeChange, type NodeChange } from "reactflow";
import type { FlowDocument, FlowEdge, FlowNode } from "~/flow/document";
import type { CanvasEdge, CanvasNode, CardIssue, NodeTraffic, PreviewMark, Selection, Size } from "./canvas-types";

export type CanvasView = {
  selection: Selection;
  sizes: ReadonlyMap<string, Size>;
  issues: ReadonlyMap<string, CardIssue[]>;
  preview: { active: string | null; visited: ReadonlySet<string> };
  /** Per node, while the analytics overlay is on and has numbers; null otherwise. */
  traffic: ReadonlyMap<string, NodeTraffic> | null;
};

const NO_ISSUES: CardIssue[] = [];

function previewMark(id: string, view: CanvasView): PreviewMark {
  if (view.preview.active === id) return "active";
  return view.preview.visited.has(id) ? "visited" : null;
}

const issuesKey = (issues: CardIssue[]) => issues.map((issue) => `${issue.severity}:${issue.message}`).join("\n");

export function toCanvasNode(node: FlowNode, view: CanvasView): CanvasNode {
  const size = view.sizes.get(node.id);
  return {
    id: node.id,
    type: node.kind,
    position: node.position,
    data: { kind: node.kind, config: node.data, issues: view.issues.get(node.id) ?? NO_ISSUES, preview: previewMark(node.id, view), traffic: view.traffic?.get(node.id) ?? null },
    selected: view.selection.nodes.has(node.id),
    ...(size ? { width: size.width, height: size.height } : {}),
  };
}

type CacheEntry<R> = { inputs: readonly unknown[]; result: R };

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * A mapper over a document's items that returns the very same result object for an item while
 * every one of its inputs is unchanged (compared with ===), so React Flow re-renders only what
 * changed — and the very same array when nothing changed at all: React Flow rebuilds its whole
 * store from a new array (all 300 nodes, or all 500 edges), which on a large flow costs more
 * than the keystroke that caused it.
 */
function createCachedMapper<T extends { id: string }, R>(
  itemsOf: (document: FlowDocument) => T[],
  inputsOf: (item: T, view: CanvasView) => readonly unknown[],
  build: (item: T, view: CanvasView) => R,
): (document: FlowDocument, view: CanvasView) => R[] {
  let cache = new Map<string, CacheEntry<R>>();
  let last: R[] = [];
  return (document, view) => {
    const next = new Map<string, CacheEntry<R>>();
    const results = itemsOf(document).map((item) => {
      const inputs = inputsOf(item, view);
      const hit = cache.get(item.id);
      const entry = hit && sameInputs(hit.inputs, inputs) ? hit : { inputs, result: build(item, view) };
      next.set(item.id, entry);
      return entry.result;
    });
    cache = next;
    if (!sameInputs(results, last)) last = results;
    return last;
  };
}

export function createNodeMapper() {
  return createCachedMapper(
    (document) => document.nodes,
    (node, view) => [node, view.selection.nodes.has(node.id), issuesKey(view.issues.get(node.id) ?? NO_ISSUES), previewMark(node.id, view), view.sizes.get(node.id), view.traffic?.get(node.id) ?? null],
    toCanvasNode,
  );
}

export function toCanvasEdge(edge: FlowEdge, selected: boolean, visited: boolean): CanvasEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    selected,
    className: visited ? "is-visited" : undefined,
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
  };
}

const edgeVisited = (edge: FlowEdge, view: CanvasView) => view.preview.visited.has(edge.source) && view.preview.visited.has(edge.target);

export function createEdgeMapper() {
  return createCachedMapper(
    (document) => document.edges,
    (edge, view) => [edge, view.selection.edges.has(edge.id), edgeVisited(edge, view)],
    (edge, view) => toCanvasEdge(edge, view.selection.edges.has(edge.id), edgeVisited(edge, view)),
  );
}

export type NodeChangeSummary = {
  positions: Map<string, { x: number; y: number }>;
  /** True while a drag is in progress (the move is one undo step when it ends). */
  dragging: boolean;
  sizes: Map<string, Size>;
  selected: Map<string, boolean>;
  removed: Set<string>;
};

/** Sorts React Flow's node changes into what the document, the selection and the size cache need. */
export function summariseNodeChanges(changes: NodeChange[]): NodeChangeSummary {
  const summary: NodeChangeSummary = { positions: new Map(), dragging: false, sizes: new Map(), selected: new Map(), removed: new Set() };
  for (const change of changes) {
    if (change.type === "position") {
      if (change.position) summary.positions.set(change.id, change.position);
      if (change.dragging) summary.dragging = true;
    } else if (change.type === "dimensions" && change.dimensions) {
      summary.sizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
    } else if (change.type === "select") {
      summary.selected.set(change.id, change.selected);
    } else if (change.type === "remove") {
      summary.removed.add(change.id);
    }
  }
  return summary;
}

export type EdgeChangeSummary = { selected: Map<string, boolean>; removed: Set<string> };

export function summariseEdgeChanges(changes: EdgeChange[]): EdgeChangeSummary {
  const summary: EdgeChangeSummary = { selected: new Map(), removed: new Set() };
  for (const change of changes) {
    if (change.type === "select") summary.selected.set(change.id, change.selected);
    else if (change.type === "remove") summary.removed.add(change.id);
  }
  return summary;
}

/** Applies select/deselect changes to a set of ids (same set back when nothing changed). */
export function applySelectionChanges(current: ReadonlySet<string>, changes: ReadonlyMap<string, boolean>): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const [id, selected] of changes) {
    if (selected === current.has(id)) continue;
    next ??= new Set(current);
    if (selected) next.add(id);
    else next.delete(id);
  }
  return next ?? current;
}

/** Merges measured sizes (same map back when nothing changed, so cards keep their identity). */
export function applySizes(current: ReadonlyMap<string, Size>, sizes: ReadonlyMap<string, Size>): ReadonlyMap<string, Size> {
  let next: Map<string, Size> | null = null;
  for (const [id, size] of sizes) {
    const known = current.get(id);
    if (known && known.width === size.width && known.height === size.height) continue;
    next ??= new Map(current);
    next.set(id, size);
  }
  return next ?? current;
}
