import type { BehaviourArgs, KindBehaviour } from "../types";
import { evaluateCondition } from "./evaluate";
import type { ConditionData } from "./schema";

export const conditionBehaviour = {
  guards: {
    "condition.holds": ({ context, params }: BehaviourArgs<ConditionData>) =>
      evaluateCondition(context.fields[params.field], params.operator, params.value),
  },
} satisfies KindBehaviour;
