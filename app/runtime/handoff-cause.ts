/**
 * Why a flow step handed off, in the words of the step that gave up: "Check confidence: 42% <
 * 70%", "Ask for information: no valid order number after 3 tries", "Answer from knowledge
 * base: no article above 30%". When several failure outputs share one escalate step, the
 * trigger alone ("Flow step") hides which one it was; the turn's `node.entered` events say which
 * output led there (through any message steps on the way), the node's data and the run's
 * confidences say by how much. Pure: the turn's events, the pinned document and the run's state.
 */
import { nodeRegistry, type FlowNode } from "~/flow";
import type { ConditionOperator } from "~/nodes/condition/schema";

type EnteredEvent = { type: string; nodeId?: string | null; payload: Record<string, unknown> };
type CauseState = { lastConfidence: { intent?: number; kb?: number } };

const MAX_HOPS = 20;

const CONDITION_WORDS: Record<ConditionOperator, [string, string]> = {
  equals: ["is", "is not"],
  contains: ["contains", "does not contain"],
  matches: ["matches", "does not match"],
  exists: ["is known", "is not known"],
  gt: [">", "≤"],
  lt: ["<", "≥"],
};

const percent = (value: number | undefined) => `${Math.round((value ?? 0) * 100)}%`;

/** "order_id" → "order number", "deliveryDate" → "delivery date". */
export function describeField(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length > 1 && words[words.length - 1] === "id") words[words.length - 1] = "number";
  return words.join(" ");
}

/** What the output `handle` of `node` means, or null for an output that is not a reason to hand off (a plain "next"). */
function describeOutcome(node: FlowNode, handle: string, state: CauseState): string | null {
  const label = nodeRegistry[node.kind].label;
  switch (node.kind) {
    case "gate": {
      if (handle !== "notConfident") return null;
      const score = state.lastConfidence[node.data.score];
      return `${label}: ${percent(score)} < ${percent(node.data.threshold)}`;
    }
    case "collect":
      return handle === "failed" ? `${label}: no valid ${describeField(node.data.field)} after ${node.data.retries + 1} ${node.data.retries === 0 ? "try" : "tries"}` : null;
    case "kb":
      if (handle === "notFound") return `${label}: no article above ${percent(node.data.minScore)}`;
      if (handle === "notHelpful") return `${label}: the customer said the answer did not help`;
      return null;
    case "intent":
      return handle === "unsure" ? `${label}: not sure (best ${percent(state.lastConfidence.intent)} < ${percent(node.data.threshold)})` : null;
    case "condition": {
      const [yes, no] = CONDITION_WORDS[node.data.operator];
      const value = node.data.operator === "exists" ? "" : ` “${String(node.data.value)}”`;
      return `${label}: ${node.data.field} ${handle === "true" ? yes : no}${value}`;
    }
    default:
      return null;
  }
}

/** The cause of a node-triggered handoff at `escalateNodeId`, or null when this turn's events do not show it. */
export function describeHandoffCause(input: { escalateNodeId: string; nodes: FlowNode[]; events: EnteredEvent[]; state: CauseState }): string | null {
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
    const outcome = describeOutcome(from, fromHandle, input.state);
    if (outcome) return outcome;
    at = fromNodeId;
  }
  return null;
}

function findLastIndex<T>(items: T[], before: number, test: (item: T) => boolean): number {
  for (let index = before - 1; index >= 0; index -= 1) if (test(items[index])) return index;
  return -1;
}
