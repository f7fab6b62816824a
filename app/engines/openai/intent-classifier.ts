/**
 * Intent classification by an OpenAI model with structured output: the reply must match a zod
 * schema whose `intent` is an enum of the node's intent names plus "none", so whatever the
 * customer writes, the model can only pick an outcome the flow draws. Any error, timeout or
 * invalid reply → the local classifier answers and `fallback` says why.
 *
 * The model picks; it does not say how sure to be. A language model's stated confidence is not a
 * probability (it says 0.9 for guesses), and there is no labelled record of its answers here to
 * calibrate it on. The confidence shown and compared with thresholds is the embedded
 * classifier's calibrated probability for the intent the model picked (computed alongside the
 * request): when both agree it is the calibrated confidence of that answer; a pick the calibrated
 * evidence does not back stays under the threshold and takes "Not sure".
 */
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { CUSTOMER_TEXT_IS_DATA, describeError, FALLBACK_ENGINE, type OpenAIEngineConfig } from "./config";
import type { IntentClassifier, IntentDefinition, IntentPrediction } from "../types";
import { DEFAULT_INTENT_THRESHOLD } from "../local/intent-classifier";

export const NONE_INTENT = "none";
const EXAMPLES_PER_INTENT = 12;

export function buildIntentSchema(names: string[]) {
  return z.object({
    intent: z.enum([...names, NONE_INTENT] as unknown as [string, ...string[]]),
    confidence: z.number().min(0).max(1),
  });
}

export function buildIntentPrompt(intents: IntentDefinition[]): string {
  const list = intents
    .map((intent) => `- ${JSON.stringify(intent.name)}: ${intent.examples.slice(0, EXAMPLES_PER_INTENT).map((e) => JSON.stringify(e)).join(", ")}`)
    .join("\n");
  return [
    "You classify one customer-support message into exactly one of the intents below, each shown with example phrases.",
    `Answer "${NONE_INTENT}" when the message matches none of them.`,
    "confidence is your probability (0 to 1) that the chosen intent is right.",
    CUSTOMER_TEXT_IS_DATA,
    "Intents:",
    list,
  ].join("\n");
}

export class OpenAIIntentClassifier implements IntentClassifier {
  constructor(
    private readonly config: OpenAIEngineConfig,
    private readonly local: IntentClassifier,
  ) {}

  async classify(input: { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number }): Promise<IntentPrediction> {
    try {
      return await this.classifyRemotely(input);
    } catch (error) {
      const prediction = await this.local.classify(input);
      return { ...prediction, fallback: { engine: FALLBACK_ENGINE, error: describeError(error) } };
    }
  }

  private async classifyRemotely(input: { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number }): Promise<IntentPrediction> {
    const names = input.intents.map((intent) => intent.name);
    if (names.length === 0) return { intent: null, confidence: 0, ranked: [] };
    const [output, calibrated] = await Promise.all([this.ask(input.intents, input.text), this.local.classify({ ...input, threshold: undefined })]);
    const threshold = input.threshold ?? DEFAULT_INTENT_THRESHOLD;
    if (output.intent === NONE_INTENT) return { intent: null, confidence: calibrated.confidence, ranked: calibrated.ranked };
    const confidence = calibrated.ranked.find((candidate) => candidate.name === output.intent)?.confidence ?? 0;
    return {
      intent: confidence >= threshold ? output.intent : null,
      confidence,
      ranked: [{ name: output.intent, confidence }, ...calibrated.ranked.filter((candidate) => candidate.name !== output.intent)],
    };
  }

  private async ask(intents: IntentDefinition[], text: string): Promise<{ intent: string; confidence: number }> {
    const schema = buildIntentSchema(intents.map((intent) => intent.name));
    const completion = await this.config.client.chat.completions.parse({
      model: this.config.model,
      temperature: 0,
      messages: [
        { role: "system", content: buildIntentPrompt(intents) },
        { role: "user", content: JSON.stringify(text) },
      ],
      response_format: zodResponseFormat(schema, "intent_classification"),
    });
    // parse() validated the JSON against the schema; parse again so a refusal or an empty
    // reply is an error (→ local fallback), never an unchecked value.
    return schema.parse(completion.choices[0]?.message.parsed);
  }
}
