import type { BehaviourArgs, KindBehaviour } from "../types";

export const gateBehaviour = {
  guards: {
    // No confidence recorded yet counts as not confident: the gate never guesses.
    "gate.isConfident": ({ context, params }: BehaviourArgs<{ score: "intent" | "kb"; threshold: number }>) => {
      const confidence = context.lastConfidence[params.score];
      return confidence !== undefined && confidence >= params.threshold;
    },
  },
} satisfies KindBehaviour;
