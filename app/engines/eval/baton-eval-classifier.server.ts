import { LocalIntentClassifier } from "../local/intent-classifier";
import { WorkerSentenceEncoder } from "../local/sentence-encoder.server";
import type { EvalClassifier } from "./intent-eval";

/**
 * Baton's embedded classifier behind the evaluation interface: the product's classifier with its
 * sentence encoder. `cacheSize` 0 (the `eval` command) embeds every message again, so latency
 * figures include the semantic model; repeated trials over the same phrases may cache them.
 */
export function createBatonEvalClassifier(options: { cacheSize?: number } = {}): EvalClassifier & { close(): Promise<void> } {
  const encoder = new WorkerSentenceEncoder({ cacheSize: options.cacheSize ?? 0 });
  const classifier = new LocalIntentClassifier(encoder);
  let trained: { modelKey: string; intents: Parameters<EvalClassifier["train"]>[0] } | null = null;
  let models = 0;
  return {
    name: "Baton (embedded)",
    async train(intents) {
      trained = { modelKey: `eval:${(models += 1)}`, intents };
      await classifier.prepare(trained.modelKey, intents);
    },
    async classify(text) {
      if (!trained) throw new Error("classify before train");
      const prediction = await classifier.classify({ ...trained, text });
      const best = prediction.ranked[0];
      return { name: best?.name ?? null, confidence: best?.confidence ?? 0, ranked: prediction.ranked };
    },
    close: () => encoder.close(),
  };
}
