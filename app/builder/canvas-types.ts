/** What the canvas shows besides the document (card data types live with the node editors). */
import type { Edge, Node } from "reactflow";
import type { CanvasNodeData } from "~/nodes/shared/editor/types";

export type { CanvasNodeData, CardIssue, NodeTraffic, PreviewMark } from "~/nodes/shared/editor/types";

export type CanvasNode = Node<CanvasNodeData>;
export type CanvasEdge = Edge;

export type Selection = { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
export const EMPTY_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export type Size = { width: number; height: number };
