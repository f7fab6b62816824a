/**
 * Where a step added by a click (or the keyboard) goes: to the right of the selected step,
 * connected from its first free output — building a flow without dragging — or else in the
 * middle of the view. Either way it goes to the nearest spot where it covers no other card
 * (free-position.ts); so does a dropped one, which stays under the pointer when that spot is free.
 */
import type { FlowDocument, FlowNode } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";
import type { Size } from "./canvas-types";
import { ESTIMATED_CARD, findFreePosition, type Box, type Point } from "./free-position";

const COLUMN = 340;
const ROW = 160;

/** A card's measured size, when React Flow has measured it. */
export type SizeOf = (nodeId: string) => Size | undefined;

export function findFreeOutput(document: FlowDocument, node: FlowNode): { handle: string; index: number } | null {
  const handles = getNodeKind(node.kind).handles(node.data);
  const index = handles.findIndex((handle) => !document.edges.some((edge) => edge.source === node.id && edge.sourceHandle === handle.id));
  return index < 0 ? null : { handle: handles[index].id, index };
}

/** The boxes the document's cards take on the canvas: measured, or estimated. */
export function cardBoxes(document: FlowDocument, sizeOf: SizeOf): Box[] {
  return document.nodes.map((node) => ({ ...node.position, ...(sizeOf(node.id) ?? ESTIMATED_CARD) }));
}

/**
 * Where a card dropped with its top-left at `position` goes: there, or the nearest spot that covers
 * no card. No gap is kept: the lead chose the spot, and a card dropped close beside another is
 * where they meant it (flow-builder.test.ts lays a flow out by drops 275 units apart).
 */
export function placeDroppedStep(document: FlowDocument, position: Point, sizeOf: SizeOf): Point {
  return findFreePosition(position, ESTIMATED_CARD, cardBoxes(document, sizeOf), 0);
}

export type Placement = { position: Point; from: { source: string; sourceHandle: string } | null };

/**
 * A clicked step: beside the selected step (`anchorId`), connected from its first free output, or
 * else centred on `viewCentre` (flow units); then in the nearest spot that covers no card.
 */
export function placeNewStep(document: FlowDocument, anchorId: string | null, viewCentre: Point, sizeOf: SizeOf): Placement {
  const occupied = cardBoxes(document, sizeOf);
  const anchor = anchorId ? document.nodes.find((node) => node.id === anchorId) : undefined;
  if (!anchor) {
    const centred = { x: viewCentre.x - ESTIMATED_CARD.width / 2, y: viewCentre.y - ESTIMATED_CARD.height / 2 };
    return { position: findFreePosition(centred, ESTIMATED_CARD, occupied), from: null };
  }
  const free = findFreeOutput(document, anchor);
  const beside = { x: anchor.position.x + COLUMN, y: anchor.position.y + (free ? free.index * ROW : 0) };
  return { position: findFreePosition(beside, ESTIMATED_CARD, occupied), from: free ? { source: anchor.id, sourceHandle: free.handle } : null };
}
