/**
 * Which cards the editor fits into view when it opens, and at what zoom. A lead must be able to
 * read the cards: a starter fitted whole into a 1280×800 window came out at ~30 % zoom, its text
 * unreadable. So the view opens at a readable zoom (never below READABLE_ZOOM) on the whole flow
 * when it fits at that zoom, and otherwise on its start and the steps that follow it (breadth
 * first) as far as they fit — the whole flow is one click on "fit view" away. The floor was 80 %
 * at first: beside the palette and the side panel that showed Start and one step of the 19 (a QA
 * pass: "zoomed onto 2 of its 20 steps"); at 60 % the starters open on their first branching.
 * Pure (document and canvas size in, card ids out) so it is unit-tested.
 */
import type { FlowDocument } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";
import type { Size } from "./canvas-types";
import { ESTIMATED_CARD } from "./free-position";

/** The smallest zoom a flow opens at: cards' 13 px text shows at ~8 px, small but legible. */
export const READABLE_ZOOM = 0.6;
/** Room around the fitted cards, as React Flow's fitView `padding` (a share of the fitted box). */
export const INITIAL_PADDING = 0.08;

type Box = { minX: number; minY: number; maxX: number; maxY: number };

/** The flow area (flow units) that a canvas of `canvas` screen pixels shows at the readable zoom. */
export function readableArea(canvas: Size): Size {
  const scale = READABLE_ZOOM * (1 + INITIAL_PADDING);
  return { width: canvas.width / scale, height: canvas.height / scale };
}

export function pickInitialView(document: FlowDocument, area: Size, sizeOf: (nodeId: string) => Size | undefined = () => undefined): string[] {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const grow = (box: Box, nodeId: string): Box => {
    const node = byId.get(nodeId);
    if (!node) return box;
    const size = sizeOf(nodeId) ?? ESTIMATED_CARD;
    return {
      minX: Math.min(box.minX, node.position.x),
      minY: Math.min(box.minY, node.position.y),
      maxX: Math.max(box.maxX, node.position.x + size.width),
      maxY: Math.max(box.maxY, node.position.y + size.height),
    };
  };
  const fits = (box: Box) => box.maxX - box.minX <= area.width && box.maxY - box.minY <= area.height;
  const empty: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

  const everyId = document.nodes.map((node) => node.id);
  if (fits(everyId.reduce(grow, empty))) return everyId;

  const start = document.nodes.find((node) => getNodeKind(node.kind).role === "entry") ?? document.nodes[0];
  if (!start) return [];
  const next = new Map<string, string[]>();
  for (const edge of document.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const picked: string[] = [];
  let box = empty;
  const queue = [start.id];
  const seen = new Set(queue);
  while (queue.length) {
    const nodeId = queue.shift() as string;
    if (!byId.has(nodeId)) continue;
    const grown = grow(box, nodeId);
    // The start is always shown, even on a canvas narrower than one card at this zoom.
    if (picked.length > 0 && !fits(grown)) continue;
    box = grown;
    picked.push(nodeId);
    for (const target of next.get(nodeId) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return picked;
}
