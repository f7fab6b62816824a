/**
 * Every edit the canvas makes to a flow document, as pure functions returning a new document
 * that shares every untouched node and edge with the old one (cards re-render only when their
 * own node changed, and undo keeps whole documents cheaply).
 */
import type { FlowDocument, FlowEdge, FlowNode, FlowSettings } from "~/flow/document";
import type { NodeKind } from "~/nodes/kinds";
import { getNodeKind } from "~/nodes/registry";
import { createEdgeId, createNodeId, edgeIdsOf, nodeIdsOf } from "./ids";

type Position = { x: number; y: number };

/** Positions are stored as whole pixels: exported files stay readable. */
export function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

export function createNode(kind: NodeKind, id: string, position: Position): FlowNode {
  return { id, kind, position: roundPosition(position), data: getNodeKind(kind).createData() } as FlowNode;
}

/** Adds a fresh node of `kind`; `id` defaults to the kind's first free id. */
export function addNode(document: FlowDocument, kind: NodeKind, position: Position, id = createNodeId(kind, nodeIdsOf(document))): FlowDocument {
  if (document.nodes.some((node) => node.id === id)) return document;
  return { ...document, nodes: [...document.nodes, createNode(kind, id, position)] };
}

export function moveNodes(document: FlowDocument, positions: ReadonlyMap<string, Position>): FlowDocument {
  let moved = false;
  const nodes = document.nodes.map((node) => {
    const next = positions.get(node.id);
    if (!next) return node;
    const rounded = roundPosition(next);
    if (rounded.x === node.position.x && rounded.y === node.position.y) return node;
    moved = true;
    return { ...node, position: rounded };
  });
  // A click (a "drag" of zero pixels) is no edit and no undo step.
  return moved ? { ...document, nodes } : document;
}

function outputIds(node: FlowNode): string[] {
  return getNodeKind(node.kind).handles(node.data).map((handle) => handle.id);
}

/**
 * Keeps connections attached when a node's outputs change with its data. Outputs are
 * positional (an intent's handles follow its list of intents): when the count is the same, the
 * output at each position was renamed and its edge follows; otherwise edges from outputs that
 * are gone are removed (the intent they served was deleted).
 */
function reconcileEdges(edges: FlowEdge[], nodeId: string, before: string[], after: string[]): FlowEdge[] {
  if (before.length === after.length && before.every((id, index) => id === after[index])) return edges;
  if (before.length === after.length) {
    const renamed = new Map(before.map((id, index) => [id, after[index]] as const));
    return edges.map((edge) => (edge.source === nodeId && renamed.get(edge.sourceHandle) !== edge.sourceHandle ? { ...edge, sourceHandle: renamed.get(edge.sourceHandle) ?? edge.sourceHandle } : edge));
  }
  const kept = new Set(after);
  return edges.filter((edge) => edge.source !== nodeId || kept.has(edge.sourceHandle) || !before.includes(edge.sourceHandle));
}

export function updateNodeData(document: FlowDocument, nodeId: string, data: unknown): FlowDocument {
  const current = document.nodes.find((node) => node.id === nodeId);
  if (!current || current.data === data) return document;
  const updated = { ...current, data } as FlowNode;
  return {
    ...document,
    nodes: document.nodes.map((node) => (node.id === nodeId ? updated : node)),
    edges: reconcileEdges(document.edges, nodeId, outputIds(current), outputIds(updated)),
  };
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(document: FlowDocument, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): FlowDocument {
  if (nodeIds.size === 0 && edgeIds.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: document.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target)),
  };
}

export type Connection = { source: string; sourceHandle: string; target: string };

/** Connects an output to a node; an output leads to one next step, so an earlier edge from it is replaced (keeping its id). */
export function connect(document: FlowDocument, connection: Connection): FlowDocument {
  const { source, sourceHandle, target } = connection;
  const existing = document.edges.find((edge) => edge.source === source && edge.sourceHandle === sourceHandle);
  if (existing?.target === target) return document;
  if (existing) return { ...document, edges: document.edges.map((edge) => (edge === existing ? { ...edge, target } : edge)) };
  const id = createEdgeId(source, sourceHandle, edgeIdsOf(document));
  return { ...document, edges: [...document.edges, { id, source, sourceHandle, target }] };
}

/** Removes the connection leaving an output, if there is one. */
export function disconnect(document: FlowDocument, source: string, sourceHandle: string): FlowDocument {
  const edges = document.edges.filter((edge) => edge.source !== source || edge.sourceHandle !== sourceHandle);
  return edges.length === document.edges.length ? document : { ...document, edges };
}

export function updateSettings(document: FlowDocument, settings: FlowSettings): FlowDocument {
  return { ...document, settings };
}

export function renameDocument(document: FlowDocument, name: string): FlowDocument {
  return { ...document, name };
}

/**
 * A published version's content as the new draft. The flow's name and slug are metadata (never
 * published: draft-changes.server.ts), so the draft keeps its current ones: restoring must not
 * undo a rename made after that version.
 */
export function restoreVersionAsDraft(current: FlowDocument, version: FlowDocument): FlowDocument {
  return { ...version, name: current.name, slug: current.slug };
}
