import { scoreIntents, trainIntentModel, type IntentModel } from "../local/intent-model";
import type { EvalClassifier } from "./intent-eval";

/** Baton's embedded classifier behind the evaluation interface (the model the product runs). */
export function createBatonEvalClassifier(): EvalClassifier {
  let model: IntentModel | null = null;
  return {
    name: "Baton (embedded)",
    async train(intents) {
      model = trainIntentModel(intents);
    },
    async classify(text) {
      if (!model) throw new Error("classify before train");
      const [best] = scoreIntents(model, text);
      return { name: best?.name ?? null, confidence: best?.confidence ?? 0 };
    },
  };
}
