/**
 * Copy and paste of steps. The clipboard holds the selected nodes and the edges between them;
 * a paste gives every node a fresh id (kind, kind-2…), keeps the edges among the pasted nodes
 * and offsets the copies so they do not hide the originals. Stored in localStorage, so a
 * selection copied in one flow pastes into another tab's flow.
 */
import { z } from "zod";
import { FlowEdgeSchema, FlowNodeSchema, type FlowDocument, type FlowEdge, type FlowNode } from "~/flow/document";
import { createEdgeId, createNodeId, edgeIdsOf, nodeIdsOf } from "./ids";

export const PASTE_OFFSET = 40;
const STORAGE_KEY = "baton.builder.clipboard";

export type ClipboardContent = { nodes: FlowNode[]; edges: FlowEdge[] };

const ClipboardSchema = z.object({ nodes: z.array(FlowNodeSchema), edges: z.array(FlowEdgeSchema) });

export function copySelection(document: FlowDocument, nodeIds: ReadonlySet<string>): ClipboardContent | null {
  const nodes = document.nodes.filter((node) => nodeIds.has(node.id));
  if (nodes.length === 0) return null;
  const edges = document.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  return { nodes, edges };
}

export function pasteClipboard(document: FlowDocument, content: ClipboardContent, offset = PASTE_OFFSET): { document: FlowDocument; pastedIds: string[] } {
  const takenNodes = nodeIdsOf(document);
  const renamed = new Map<string, string>();
  const nodes = content.nodes.map((node) => {
    const id = createNodeId(node.kind, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + offset, y: node.position.y + offset } } as FlowNode;
  });
  const takenEdges = edgeIdsOf(document);
  const edges = content.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    const id = createEdgeId(source, edge.sourceHandle, takenEdges);
    takenEdges.add(id);
    return [{ id, source, sourceHandle: edge.sourceHandle, target }];
  });
  return { document: { ...document, nodes: [...document.nodes, ...nodes], edges: [...document.edges, ...edges] }, pastedIds: nodes.map((node) => node.id) };
}

export function writeClipboard(content: ClipboardContent): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(content));
  } catch {
    // Storage full or blocked: copy/paste then only works within this page (see the in-memory copy).
  }
  memory = content;
}

let memory: ClipboardContent | null = null;

export function readClipboard(): ClipboardContent | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored) {
      const parsed = ClipboardSchema.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data as ClipboardContent;
    }
  } catch {
    // fall back to the in-memory copy
  }
  return memory;
}
