/**
 * Document ↔ canvas. The flow document is the one source of truth: React Flow's nodes and edges
 * are derived from it (plus what only the canvas knows: selection, measured sizes, diagnostics
 * badges, the preview's path), and React Flow's change events are translated back into
 * document edits. Derived objects are cached per node, so a 300-node flow re-creates only the
 * nodes an edit touched and React Flow re-renders only those cards.
 */
import { MarkerType, type EdgeChange, type NodeChange } from "reactflow";
import type { FlowDocument, FlowEdge, FlowNode } from "~/flow/document";
import type { CanvasEdge, CanvasNode, CardIssue, PreviewMark, Selection, Size } from "./canvas-types";

export type CanvasView = {
  selection: Selection;
  sizes: ReadonlyMap<string, Size>;
  issues: ReadonlyMap<string, CardIssue[]>;
  preview: { active: string | null; visited: ReadonlySet<string> };
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
    data: { kind: node.kind, config: node.data, issues: view.issues.get(node.id) ?? NO_ISSUES, preview: previewMark(node.id, view) },
    selected: view.selection.nodes.has(node.id),
    ...(size ? { width: size.width, height: size.height } : {}),
  };
}

type NodeCacheEntry = { node: FlowNode; selected: boolean; issues: string; preview: PreviewMark; size: Size | undefined; result: CanvasNode };

/** A mapper that returns the very same canvas node object while its inputs are unchanged. */
export function createNodeMapper(): (document: FlowDocument, view: CanvasView) => CanvasNode[] {
  let cache = new Map<string, NodeCacheEntry>();
  return (document, view) => {
    const next = new Map<string, NodeCacheEntry>();
    const nodes = document.nodes.map((node) => {
      const selected = view.selection.nodes.has(node.id);
      const issues = issuesKey(view.issues.get(node.id) ?? NO_ISSUES);
      const preview = previewMark(node.id, view);
      const size = view.sizes.get(node.id);
      const hit = cache.get(node.id);
      const entry =
        hit && hit.node === node && hit.selected === selected && hit.issues === issues && hit.preview === preview && hit.size === size
          ? hit
          : { node, selected, issues, preview, size, result: toCanvasNode(node, view) };
      next.set(node.id, entry);
      return entry.result;
    });
    cache = next;
    return nodes;
  };
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

type EdgeCacheEntry = { edge: FlowEdge; selected: boolean; visited: boolean; result: CanvasEdge };

export function createEdgeMapper(): (document: FlowDocument, view: CanvasView) => CanvasEdge[] {
  let cache = new Map<string, EdgeCacheEntry>();
  return (document, view) => {
    const next = new Map<string, EdgeCacheEntry>();
    const edges = document.edges.map((edge) => {
      const selected = view.selection.edges.has(edge.id);
      const visited = view.preview.visited.has(edge.source) && view.preview.visited.has(edge.target);
      const hit = cache.get(edge.id);
      const entry = hit && hit.edge === edge && hit.selected === selected && hit.visited === visited ? hit : { edge, selected, visited, result: toCanvasEdge(edge, selected, visited) };
      next.set(edge.id, entry);
      return entry.result;
    });
    cache = next;
    return edges;
  };
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
