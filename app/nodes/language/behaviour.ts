import { record, type FlowContext } from "../shared/context";
import type { BehaviourArgs, KindBehaviour } from "../types";
import { detectLanguage, type LanguageCode } from "./detect";

type Params = { nodeId: string; languages: LanguageCode[]; field: string };

/** The customer's last few messages (also answers a step consumed): enough words to tell, recent enough to be this conversation's language. */
function guess(context: FlowContext, params: Params) {
  return detectLanguage(context.recentCustomerTexts ?? [], params.languages);
}

export const languageBehaviour = {
  guards: {
    "language.is": ({ context, params }: BehaviourArgs<Params & { code: LanguageCode }>) => guess(context, params).language === params.code,
  },
  actions: {
    "language.record": ({ context, params }: BehaviourArgs<Params>): Partial<FlowContext> => {
      const { language } = guess(context, params);
      return {
        ...(language ? { fields: { ...context.fields, [params.field]: language } } : {}),
        ...record(context, { type: "language.detected", nodeId: params.nodeId, payload: { language } }),
      };
    },
  },
} satisfies KindBehaviour;
