/**
 * How a step reads to people who never typed its id: the kind's label, as its canvas card is
 * headed, and the text the step shows the customer when it has one ("Ask for information: What's
 * your order number?"). Steps have no name field of their own, so this is the one place that
 * derives one: the agent's hand-back menu and analytics both name steps with it.
 */
import type { NodeKind } from "~/nodes/kinds";
import { getNodeKind } from "~/nodes/registry";

const MAX_TEXT = 60;

/** `node.data` must have passed its kind's schema (a FlowNode's has). */
export function nameStep(node: { id: string; kind: NodeKind; data: unknown }, options: { idWhenNoText?: boolean } = {}): string {
  const kind = getNodeKind(node.kind);
  const text = kind.describe?.(node.data)?.trim();
  if (text) return `${kind.label}: ${text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 3)}…` : text}`;
  // Two "Detect intent" steps in one menu need their ids to be told apart.
  return options.idWhenNoText ? `${kind.label} (${node.id})` : kind.label;
}
