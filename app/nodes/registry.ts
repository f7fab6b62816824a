/**
 * Every node kind, by id. Each kind's definition lives in its own folder (`./<kind>/index.ts`);
 * this table only collects them. The compiler, the diagnostics, the turn runner, the runtime and
 * the builder know kinds only through it; a kind missing here is a type error.
 */
import { choiceKind } from "./choice";
import { collectKind } from "./collect";
import { conditionKind } from "./condition";
import { endKind } from "./end";
import { escalateKind } from "./escalate";
import { gateKind } from "./gate";
import { httpKind } from "./http";
import { intentKind } from "./intent";
import { kbKind } from "./kb";
import type { NodeKind } from "./kinds";
import { languageKind } from "./language";
import { messageKind } from "./message";
import { setKind } from "./set";
import { startKind } from "./start";
import type { NodeKindDefinition } from "./types";

export const nodeRegistry = {
  start: startKind,
  message: messageKind,
  intent: intentKind,
  collect: collectKind,
  choice: choiceKind,
  kb: kbKind,
  gate: gateKind,
  condition: conditionKind,
  language: languageKind,
  set: setKind,
  http: httpKind,
  escalate: escalateKind,
  end: endKind,
} satisfies Record<NodeKind, NodeKindDefinition<unknown>>;

export function getNodeKind(kind: NodeKind): NodeKindDefinition<unknown> {
  return nodeRegistry[kind] as NodeKindDefinition<unknown>;
}
