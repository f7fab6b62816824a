/**
 * Why a flow step handed off, in the words of the step that gave up: "Check confidence: 42% <
 * 70%", "Ask for information: no valid order number after 3 tries", "Answer from knowledge
 * base: no article above 30%". When several failure outputs share one escalate step, the
 * trigger alone ("Flow step") hides which one it was; the turn's `node.entered` events say which
 * output led there (through any message steps on the way), the node's data and the run's
 * confidences say by how much. Pure: the turn's events, the pinned document and the run's state.
 */
import { getNodeKind, type FlowNode } from "~/flow";
import type { CauseState } from "~/nodes/types";

type TurnEvent = { type: string; nodeId?: string | null; payload: Record<string, unknown> };

const MAX_HOPS = 20;

/** What the output `handle` of `node` means (worded by its kind), or null for an output that is not a reason to hand off (a plain "next"). */
function describeOutcome(node: FlowNode, handle: string, state: CauseState): string | null {
  const kind = getNodeKind(node.kind);
  const outcome = kind.describeHandoffCause?.(node.data, handle, state) ?? null;
  return outcome === null ? null : `${kind.label}: ${outcome}`;
}

/** The cause of a node-triggered handoff at `escalateNodeId`, or null when this turn's events do not show it. */
export function describeHandoffCause(input: { escalateNodeId: string; nodes: FlowNode[]; events: TurnEvent[]; state: CauseState }): string | null {
  const nodes = new Map(input.nodes.map((node) => [node.id, node]));
  const entered = input.events.filter((event) => event.type === "node.entered");
  let at = input.escalateNodeId;
  let index = entered.length;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    index = findLastIndex(entered, index, (event) => event.nodeId === at);
    if (index < 0) return null;
    const { fromNodeId, fromHandle } = entered[index].payload;
    if (typeof fromNodeId !== "string" || typeof fromHandle !== "string") return null;
    const from = nodes.get(fromNodeId);
    if (!from) return null;
    const outcome = describeOutcome(from, fromHandle, { ...input.state, events: input.events.filter((event) => event.nodeId === fromNodeId) });
    if (outcome) return outcome;
    at = fromNodeId;
  }
  return null;
}

function findLastIndex<T>(items: T[], before: number, test: (item: T) => boolean): number {
  for (let index = before - 1; index >= 0; index -= 1) if (test(items[index])) return index;
  return -1;
}
