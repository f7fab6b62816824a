/**
 * Which cards the editor fits into view when it opens. A flow that fits at a readable zoom is
 * shown whole; a larger one opens on its start and the steps that follow it (breadth first) as
 * far as they fit at that zoom — the whole flow is one "fit view" click away.
 */
import type { FlowDocument } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";

/** What fits the canvas of a 1280 px wide window at zoom 0.5, in flow units. */
const READABLE_AREA = { width: 1300, height: 1400 };
const CARD = { width: 248, height: 160 };

export function pickInitialView(document: FlowDocument): string[] {
  const start = document.nodes.find((node) => getNodeKind(node.kind).role === "entry") ?? document.nodes[0];
  if (!start) return [];
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const next = new Map<string, string[]>();
  for (const edge of document.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const picked: string[] = [];
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const queue = [start.id];
  const seen = new Set(queue);
  while (queue.length) {
    const node = byId.get(queue.shift() as string);
    if (!node) continue;
    const grown = {
      minX: Math.min(box.minX, node.position.x),
      minY: Math.min(box.minY, node.position.y),
      maxX: Math.max(box.maxX, node.position.x + CARD.width),
      maxY: Math.max(box.maxY, node.position.y + CARD.height),
    };
    if (picked.length > 0 && (grown.maxX - grown.minX > READABLE_AREA.width || grown.maxY - grown.minY > READABLE_AREA.height)) continue;
    Object.assign(box, grown);
    picked.push(node.id);
    for (const target of next.get(node.id) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return picked;
}
