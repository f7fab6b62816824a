import { record, type FlowContext } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { matchChoice } from "./match";

type PickParams = { nodeId: string; labels: string[]; index: number; id: string; field?: string };

function textOf(event: BehaviourEvent): string {
  return typeof event.text === "string" ? event.text : "";
}

export const choiceBehaviour = {
  guards: {
    "choice.picked": ({ event, params }: BehaviourArgs<PickParams>) => matchChoice(textOf(event), params.labels) === params.index,
    "choice.canRetry": ({ context, params }: BehaviourArgs<{ nodeId: string; retries: number }>) => (context.attempts[params.nodeId] ?? 0) < params.retries,
  },
  actions: {
    "choice.reset": ({ context, params }: BehaviourArgs<{ nodeId: string }>) => ({ attempts: { ...context.attempts, [params.nodeId]: 0 } }),
    // The answer is consumed: a later KB step must not try to answer "the second one".
    "choice.record": ({ context, event, params }: BehaviourArgs<PickParams>): Partial<FlowContext> => {
      const label = params.labels[params.index];
      return {
        ...(params.field ? { fields: { ...context.fields, [params.field]: label } } : {}),
        pendingQuestion: null,
        customerMessages: context.customerMessages.slice(0, -1),
        ...record(
          context,
          { type: "choice.selected", nodeId: params.nodeId, payload: { option: params.id, label, typed: textOf(event) !== label } },
          ...(params.field ? [{ type: "field.captured", nodeId: params.nodeId, payload: { field: params.field, value: label, source: "choice" } }] : []),
        ),
      };
    },
    "choice.reject": ({ context, params }: BehaviourArgs<{ nodeId: string; labels: string[]; hint: string | null }>): Partial<FlowContext> => {
      const attempt = (context.attempts[params.nodeId] ?? 0) + 1;
      return {
        attempts: { ...context.attempts, [params.nodeId]: attempt },
        outbox: params.hint ? [...context.outbox, { role: "bot" as const, text: params.hint, choices: params.labels, nodeId: params.nodeId }] : context.outbox,
        ...record(context, { type: "choice.unmatched", nodeId: params.nodeId, payload: { attempt } }),
      };
    },
  },
} satisfies KindBehaviour;
