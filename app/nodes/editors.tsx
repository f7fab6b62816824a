/**
 * The client-side half of the registry: each kind's canvas card and settings form. A kind
 * missing here is a type error. `nodeTypes` is built once at module scope: React Flow must get
 * the same object on every render, or it remounts every card.
 */
import type { NodeTypes } from "reactflow";
import { ChoiceCard, ChoiceIcon, ChoiceSettings } from "./choice/editor";
import { CollectCard, CollectIcon, CollectSettings } from "./collect/editor";
import { ConditionCard, ConditionIcon, ConditionSettings } from "./condition/editor";
import { EndCard, EndIcon, EndSettings } from "./end/editor";
import { EscalateCard, EscalateIcon, EscalateSettings } from "./escalate/editor";
import { GateCard, GateIcon, GateSettings } from "./gate/editor";
import { HttpCard, HttpIcon, HttpSettings } from "./http/editor";
import { IntentCard, IntentIcon, IntentSettings } from "./intent/editor";
import { KbCard, KbIcon, KbSettings } from "./kb/editor";
import { NODE_KINDS, type NodeKind } from "./kinds";
import { LanguageCard, LanguageIcon, LanguageSettings } from "./language/editor";
import { MessageCard, MessageIcon, MessageSettings } from "./message/editor";
import type { nodeRegistry } from "./registry";
import type { NodeEditor } from "./shared/editor/types";
import { SetCard, SetIcon, SetSettings } from "./set/editor";
import { StartCard, StartIcon, StartSettings } from "./start/editor";

type DataOf<K extends NodeKind> = ReturnType<(typeof nodeRegistry)[K]["createData"]>;

export const nodeEditors = {
  start: { Icon: StartIcon, Card: StartCard, Settings: StartSettings },
  message: { Icon: MessageIcon, Card: MessageCard, Settings: MessageSettings },
  intent: { Icon: IntentIcon, Card: IntentCard, Settings: IntentSettings },
  collect: { Icon: CollectIcon, Card: CollectCard, Settings: CollectSettings },
  choice: { Icon: ChoiceIcon, Card: ChoiceCard, Settings: ChoiceSettings },
  kb: { Icon: KbIcon, Card: KbCard, Settings: KbSettings },
  gate: { Icon: GateIcon, Card: GateCard, Settings: GateSettings },
  condition: { Icon: ConditionIcon, Card: ConditionCard, Settings: ConditionSettings },
  language: { Icon: LanguageIcon, Card: LanguageCard, Settings: LanguageSettings },
  set: { Icon: SetIcon, Card: SetCard, Settings: SetSettings },
  http: { Icon: HttpIcon, Card: HttpCard, Settings: HttpSettings },
  escalate: { Icon: EscalateIcon, Card: EscalateCard, Settings: EscalateSettings },
  end: { Icon: EndIcon, Card: EndCard, Settings: EndSettings },
} satisfies { [K in NodeKind]: NodeEditor<DataOf<K>> };

export function getNodeEditor(kind: NodeKind): NodeEditor<unknown> {
  return nodeEditors[kind] as unknown as NodeEditor<unknown>;
}

export const nodeTypes: NodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, nodeEditors[kind].Card]));
