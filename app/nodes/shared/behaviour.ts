/** Behaviour shared by several kinds: saying a templated message. */
import { say, type FlowContext } from "./context";
import { fillTemplate } from "./template";
import type { BehaviourArgs, KindBehaviour } from "../types";

export type SayParams = { nodeId: string; text: string; choices?: string[] };

export const sharedBehaviour = {
  actions: {
    "bot.say": ({ context, params }: BehaviourArgs<SayParams>): Partial<FlowContext> => {
      const text = fillTemplate(params.text, context.fields);
      if (!text) return {};
      return say(context, { role: "bot", text, nodeId: params.nodeId, ...(params.choices?.length ? { choices: params.choices } : {}) });
    },
  },
} satisfies KindBehaviour;
