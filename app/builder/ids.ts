/**
 * Readable, deterministic ids (no counters, no randomness): a node's id is its kind, then
 * `kind-2`, `kind-3`… — the first one the document does not use. An edge is named after the
 * output it leaves (an output has one target), so reconnecting an output keeps its edge id.
 */
import type { FlowDocument } from "~/flow/document";
import type { NodeKind } from "~/nodes/kinds";

function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function createNodeId(kind: NodeKind, taken: ReadonlySet<string>): string {
  return firstFree(kind, taken);
}

export function createEdgeId(source: string, sourceHandle: string, taken: ReadonlySet<string>): string {
  return firstFree(`${source}-${sourceHandle}`.slice(0, 190), taken);
}

export function nodeIdsOf(document: FlowDocument): Set<string> {
  return new Set(document.nodes.map((node) => node.id));
}

export function edgeIdsOf(document: FlowDocument): Set<string> {
  return new Set(document.edges.map((edge) => edge.id));
}
