import { say, type FlowContext } from "../shared/context";
import { fillTemplate } from "../shared/template";
import type { BehaviourArgs, KindBehaviour } from "../types";

export const endBehaviour = {
  actions: {
    "end.finish": ({ context, params }: BehaviourArgs<{ nodeId: string; text: string; csatQuestion: string }>): Partial<FlowContext> => {
      const text = fillTemplate(params.text, context.fields);
      const closing = text ? [{ role: "bot" as const, text, nodeId: params.nodeId }] : [];
      return {
        ended: true,
        ...say(context, ...closing, { role: "bot", text: params.csatQuestion, csat: true, nodeId: params.nodeId }),
      };
    },
  },
} satisfies KindBehaviour;
