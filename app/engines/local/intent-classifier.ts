/**
 * The embedded IntentClassifier. Training happens once per intent set: the cache key is the
 * caller's modelKey plus a hash of the intents and examples, so a republished version with
 * edited examples retrains and an unchanged one never does. Cache size is bounded (LRU).
 */
import { rankIntents, scoreIntents, trainIntentModel, type IntentModel } from "./intent-model";
import type { IntentClassifier, IntentDefinition, IntentPrediction } from "../types";

/**
 * Without a threshold the best intent is returned and the caller compares `confidence` with
 * its node's threshold (the flow runtime does); with one, below it the answer is "none of these".
 */
export const DEFAULT_INTENT_THRESHOLD = 0;
const CACHE_LIMIT = 64;

export class LocalIntentClassifier implements IntentClassifier {
  private readonly models = new Map<string, IntentModel>();

  constructor(private readonly threshold = DEFAULT_INTENT_THRESHOLD) {}

  /** Trains ahead of the first message (called when a flow version is compiled or published). */
  warm(modelKey: string, intents: IntentDefinition[]): void {
    this.getModel(modelKey, intents);
  }

  async classify(input: { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number }): Promise<IntentPrediction> {
    return this.classifySync(input);
  }

  classifySync(input: { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number }): IntentPrediction {
    const usable = input.intents.filter((intent) => intent.examples.some((example) => example.trim() !== ""));
    if (usable.length === 0) return { intent: null, confidence: 0, ranked: [] };
    const model = this.getModel(input.modelKey, usable);
    const ranked = rankIntents(scoreIntents(model, input.text));
    const best = ranked[0];
    const threshold = input.threshold ?? this.threshold;
    return {
      intent: best && best.confidence >= threshold ? best.name : null,
      confidence: best?.confidence ?? 0,
      ranked,
    };
  }

  private getModel(modelKey: string, intents: IntentDefinition[]): IntentModel {
    const key = `${modelKey}#${hashIntents(intents)}`;
    const cached = this.models.get(key);
    if (cached) {
      this.models.delete(key);
      this.models.set(key, cached);
      return cached;
    }
    const model = trainIntentModel(intents);
    this.models.set(key, model);
    if (this.models.size > CACHE_LIMIT) this.models.delete(this.models.keys().next().value as string);
    return model;
  }
}

function hashIntents(intents: IntentDefinition[]): string {
  let h = 2166136261;
  const text = JSON.stringify(intents.map((intent) => [intent.name, intent.examples]));
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}:${text.length}`;
}
