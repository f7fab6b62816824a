/**
 * Where a step added by a click (or the keyboard) goes: to the right of the selected step,
 * connected from its first free output — building a flow without dragging — or else in the
 * middle of the view. Either way it is nudged until it does not cover another card.
 */
import type { FlowDocument, FlowNode } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";

type Point = { x: number; y: number };

const COLUMN = 340;
const ROW = 160;
const NUDGE = 48;

export function findFreeOutput(document: FlowDocument, node: FlowNode): { handle: string; index: number } | null {
  const handles = getNodeKind(node.kind).handles(node.data);
  const index = handles.findIndex((handle) => !document.edges.some((edge) => edge.source === node.id && edge.sourceHandle === handle.id));
  return index < 0 ? null : { handle: handles[index].id, index };
}

export function avoidOverlap(position: Point, nodes: FlowNode[]): Point {
  let candidate = position;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const covered = nodes.some((node) => Math.abs(node.position.x - candidate.x) < NUDGE && Math.abs(node.position.y - candidate.y) < NUDGE);
    if (!covered) return candidate;
    candidate = { x: candidate.x + NUDGE, y: candidate.y + NUDGE };
  }
  return candidate;
}

export type Placement = { position: Point; from: { source: string; sourceHandle: string } | null };

export function placeNewStep(document: FlowDocument, anchorId: string | null, viewCentre: Point): Placement {
  const anchor = anchorId ? document.nodes.find((node) => node.id === anchorId) : undefined;
  if (!anchor) return { position: avoidOverlap(viewCentre, document.nodes), from: null };
  const free = findFreeOutput(document, anchor);
  const position = { x: anchor.position.x + COLUMN, y: anchor.position.y + (free ? free.index * ROW : 0) };
  return { position: avoidOverlap(position, document.nodes), from: free ? { source: anchor.id, sourceHandle: free.handle } : null };
}
