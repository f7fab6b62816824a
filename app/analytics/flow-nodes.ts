/**
 * The nodes of a flow as analytics lists them: in the order a conversation meets them, branch
 * by branch (depth-first from the start node along the edges in their order, the rest after in
 * document order), each with its kind's label from the registry and the name a lead reads for it
 * (nameStep: the kind and what the step says, never just the id). Documents are read leniently:
 * an old version with a field the current schema refuses still names its nodes, by kind.
 */
import { z } from "zod";
import { nameStep } from "~/flow/step-name";
import type { NodeKind } from "~/nodes/kinds";
import { getNodeKind, nodeRegistry } from "~/nodes/registry";
import type { NodeKindDefinition } from "~/nodes/types";

export type FlowNodeInfo = { id: string; kind: string | null; kindLabel: string; name: string };

const LooseDocumentSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), kind: z.string() }).passthrough()).default([]),
  edges: z.array(z.object({ source: z.string(), target: z.string() })).default([]),
});

export const REMOVED_NODE_LABEL = "Removed node";

function knownKind(kind: string | null): NodeKindDefinition<unknown> | null {
  return kind && Object.hasOwn(nodeRegistry, kind) ? getNodeKind(kind as NodeKind) : null;
}

function kindLabel(kind: string | null): string {
  return knownKind(kind)?.label ?? REMOVED_NODE_LABEL;
}

function nameNode(node: { id: string; kind: string; data?: unknown }): string {
  const kind = knownKind(node.kind);
  const data = kind?.schema.safeParse(node.data);
  return kind && data?.success ? nameStep({ id: node.id, kind: node.kind as NodeKind, data: data.data }) : kindLabel(node.kind);
}

export function listFlowNodes(document: unknown): FlowNodeInfo[] {
  const parsed = LooseDocumentSchema.safeParse(document);
  if (!parsed.success) return [];
  const { nodes, edges } = parsed.data;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const stack = nodes.filter((node) => knownKind(node.kind)?.role === "entry").map((node) => node.id).reverse();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    ordered.push(id);
    stack.push(...[...(next.get(id) ?? [])].reverse());
  }
  for (const node of nodes) if (!seen.has(node.id)) ordered.push(node.id);
  return ordered.map((id) => {
    const node = byId.get(id);
    const kind = node?.kind ?? null;
    return { id, kind, kindLabel: kindLabel(kind), name: node ? nameNode(node) : REMOVED_NODE_LABEL };
  });
}

/** Nodes of several versions, newest first: the newest decides order and kind, older ones add removed nodes. */
export function mergeFlowNodes(versions: FlowNodeInfo[][]): FlowNodeInfo[] {
  const merged = new Map<string, FlowNodeInfo>();
  for (const nodes of versions) for (const node of nodes) if (!merged.has(node.id)) merged.set(node.id, node);
  return [...merged.values()];
}
