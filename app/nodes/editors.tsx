/**
 * The client-side half of the registry: each kind's canvas card and settings form. A kind
 * missing here is a type error. `nodeTypes` is built once at module scope: React Flow must get
 * the same object on every render, or it remounts every card.
 */
import type { NodeTypes } from "reactflow";
import { CollectCard, CollectSettings } from "./collect/editor";
import { ConditionCard, ConditionSettings } from "./condition/editor";
import { EndCard, EndSettings } from "./end/editor";
import { EscalateCard, EscalateSettings } from "./escalate/editor";
import { GateCard, GateSettings } from "./gate/editor";
import { IntentCard, IntentSettings } from "./intent/editor";
import { KbCard, KbSettings } from "./kb/editor";
import { NODE_KINDS, type NodeKind } from "./kinds";
import { MessageCard, MessageSettings } from "./message/editor";
import type { nodeRegistry } from "./registry";
import type { NodeEditor } from "./shared/editor/types";
import { StartCard, StartSettings } from "./start/editor";

type DataOf<K extends NodeKind> = ReturnType<(typeof nodeRegistry)[K]["createData"]>;

export const nodeEditors = {
  start: { Card: StartCard, Settings: StartSettings },
  message: { Card: MessageCard, Settings: MessageSettings },
  intent: { Card: IntentCard, Settings: IntentSettings },
  collect: { Card: CollectCard, Settings: CollectSettings },
  kb: { Card: KbCard, Settings: KbSettings },
  gate: { Card: GateCard, Settings: GateSettings },
  condition: { Card: ConditionCard, Settings: ConditionSettings },
  escalate: { Card: EscalateCard, Settings: EscalateSettings },
  end: { Card: EndCard, Settings: EndSettings },
} satisfies { [K in NodeKind]: NodeEditor<DataOf<K>> };

export function getNodeEditor(kind: NodeKind): NodeEditor<unknown> {
  return nodeEditors[kind] as unknown as NodeEditor<unknown>;
}

export const nodeTypes: NodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, nodeEditors[kind].Card]));
