/**
 * The client-side view of the registry: each kind's icon, canvas card and settings form, built
 * from the editor parts its definition declares. `nodeTypes` is built once at module scope:
 * React Flow must get the same object on every render, or it remounts every card.
 */
import type { CSSProperties } from "react";
import type { NodeTypes } from "reactflow";
import { NODE_KINDS, type NodeKind } from "./kinds";
import { getNodeKind } from "./registry";
import { createCard } from "./shared/editor/node-card";
import type { NodeEditor } from "./shared/editor/types";

const nodeEditors = new Map<NodeKind, NodeEditor<unknown>>(
  NODE_KINDS.map((kind) => {
    const definition = getNodeKind(kind);
    const { Icon, Settings } = definition.editor;
    return [kind, { Icon, Settings, Card: createCard(kind, definition) }];
  }),
);

export function getNodeEditor(kind: NodeKind): NodeEditor<unknown> {
  return nodeEditors.get(kind) as NodeEditor<unknown>;
}

export const nodeTypes: NodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, getNodeEditor(kind).Card]));

/** Sets the kind's colour (--kind-color) on an element: palette item, card, panel header. */
export function kindColorStyle(kind: NodeKind): CSSProperties {
  return { "--kind-color": getNodeKind(kind).color } as CSSProperties;
}
