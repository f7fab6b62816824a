/**
 * The small-flows bench's a–m trials, in process, for trying changes to the intent classifier
 * quickly: the same trials `npm run -s nlu -- small-flows` draws (its seed and sizes), ONLY the
 * a–m ones (the intents every constant is chosen on; n–z stays unseen), the step's social
 * handling, and the product's model code over sentence vectors embedded once and kept in a file
 * (SMALL_FLOWS_VECTORS, default /tmp/small-flows-vectors.json).
 *
 * Prints per variant: routed right and unrelated taken at the default threshold, where the
 * in-scope misses and the unrelated taken come from, per size, and routed right at the lowest
 * threshold on the form's 5 % steps that keeps unrelated taken ≤ 4 % (the default-threshold rule).
 * Run: npx tsx bench/small-flows-explore.ts [variant ...]   (no variant: all of them)
 */
import path from "node:path";
import { halfOf, OUT_OF_SCOPE, readLabelledRows } from "~/engines/eval/intent-eval";
import { DEFAULT_SMALL_FLOW_OPTIONS, drawTrials, type Trial } from "~/engines/eval/small-flows";
import { backgroundVectors } from "~/engines/local/intent-background";
import { attachSemantic, scoreIntents, trainIntentModel, type IntentSignals } from "~/engines/local/intent-model";
import type { IntentDefinition } from "~/engines/types";
import { claimedSocialKinds, socialDecision } from "~/nodes/intent/social";
import { IntentDataSchema } from "~/nodes/intent/schema";
import { embedAll } from "./sentence-vectors";

const dataDir = process.env.CLINC150_DIR ?? path.resolve(__dirname, "../../shared/data/clinc150");
const vectorFile = process.env.SMALL_FLOWS_VECTORS ?? "/tmp/small-flows-vectors.json";
const DEFAULT_THRESHOLD = IntentDataSchema.parse({}).threshold;
const MAX_TAKEN = 0.04;

type Vectors = Map<string, Float32Array>;
export type Record_ = { trial: number; size: number; inScope: boolean; source: "oos" | "sameHalf" | "otherHalf" | null; top: boolean; confidence: number; best: IntentSignals | null };

/** A variant: how a trial's model is built and a message scored (the baseline is the product's code). */
export type Variant = {
  name: string;
  score(intents: IntentDefinition[], texts: string[], vectors: Vectors): (text: string) => IntentSignals[];
};

export const humanName = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-\s]+/g, " ")
    .trim()
    .toLowerCase();

function productScorer(intents: IntentDefinition[], _texts: string[], vectors: Vectors) {
  const lexical = trainIntentModel(intents);
  const fused = attachSemantic(lexical, intents.map((intent) => intent.examples.map((text) => vectors.get(text)!)), backgroundVectors());
  return (text: string) => scoreIntents(fused, text, vectors.get(text));
}

export const BASELINE: Variant = { name: "baseline", score: productScorer };

export function messagesOf(trial: Trial): { text: string; original: Trial["messages"][number]; social: boolean }[] {
  const claimed = claimedSocialKinds(trial.intents);
  return trial.messages.map((message) => {
    const decision = socialDecision(message.text, claimed);
    return { text: decision.classify, original: message, social: decision.social !== null };
  });
}

export async function loadTrials(extraTexts: (trial: Trial) => string[] = () => []): Promise<{ trials: Trial[]; vectors: Vectors }> {
  const train = readLabelledRows(path.join(dataDir, "train.json"));
  const val = readLabelledRows(path.join(dataDir, "val.json"));
  const trials = drawTrials(train, val, DEFAULT_SMALL_FLOW_OPTIONS).filter((trial) => trial.half === "a-m");
  const texts = trials.flatMap((trial) => [...trial.intents.flatMap((intent) => intent.examples), ...messagesOf(trial).map((m) => m.text), ...extraTexts(trial)]);
  return { trials, vectors: await embedAll(texts, vectorFile) };
}

export function runVariant(variant: Variant, trials: Trial[], vectors: Vectors): Record_[] {
  const records: Record_[] = [];
  trials.forEach((trial, index) => {
    const messages = messagesOf(trial);
    const score = variant.score(trial.intents, messages.map((m) => m.text), vectors);
    for (const { text, original, social } of messages) {
      const best = social ? null : score(text)[0] ?? null;
      const source = original.inScope ? null : original.intent === OUT_OF_SCOPE ? "oos" : halfOf(original.intent) === trial.half ? "sameHalf" : "otherHalf";
      records.push({ trial: index, size: trial.size, inScope: original.inScope, source, top: best?.name === original.intent, confidence: best?.confidence ?? 0, best });
    }
  });
  return records;
}

export function summarise(records: Record_[], threshold: number) {
  const inScope = records.filter((r) => r.inScope);
  const unrelated = records.filter((r) => !r.inScope);
  const share = (rows: Record_[], counted: (r: Record_) => boolean) => round(rows.filter(counted).length / Math.max(1, rows.length));
  const taken = (r: Record_) => r.best !== null && r.confidence >= threshold;
  return {
    routedRight: share(inScope, (r) => taken(r) && r.top),
    unrelatedTaken: share(unrelated, taken),
    wrongIntent: share(inScope, (r) => taken(r) && !r.top),
    notSureTopRight: share(inScope, (r) => !taken(r) && r.top),
    notSureTopWrong: share(inScope, (r) => !taken(r) && !r.top),
    takenBySource: Object.fromEntries((["oos", "sameHalf", "otherHalf"] as const).map((source) => [source, share(unrelated.filter((r) => r.source === source), taken)])),
  };
}

/** The default-threshold rule: the lowest 5 % step keeping unrelated taken ≤ 4 %. */
export function defaultRule(records: Record_[]) {
  for (let step = 5; step <= 100; step += 1) {
    const threshold = step * 0.05;
    const summary = summarise(records, threshold);
    if (summary.unrelatedTaken <= MAX_TAKEN) return { threshold: round(threshold), ...summary };
  }
  return null;
}

/** Routed right at the loosest threshold (any value) keeping unrelated taken ≤ 4 %: the calibration-free comparison. */
export function atFourPercent(records: Record_[]) {
  const unrelated = records.filter((r) => !r.inScope && r.best).map((r) => r.confidence).sort((a, b) => b - a);
  const allowed = Math.floor(MAX_TAKEN * records.filter((r) => !r.inScope).length);
  const threshold = unrelated[allowed] === undefined ? 0 : unrelated[allowed] + 1e-9;
  return { threshold: round(threshold), ...summarise(records, threshold) };
}

export function report(name: string, records: Record_[]) {
  const sizes = [...new Set(records.map((r) => r.size))];
  return {
    variant: name,
    atDefault: { threshold: DEFAULT_THRESHOLD, ...summarise(records, DEFAULT_THRESHOLD) },
    bySize: Object.fromEntries(sizes.map((size) => [size, summarise(records.filter((r) => r.size === size), DEFAULT_THRESHOLD)])),
    defaultRule: defaultRule(records),
    atFourPercent: atFourPercent(records),
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The intent's name as one more example phrase, to both models or to the sentence vectors only. */
const NAME_AS_EXAMPLE: Variant = {
  name: "name-as-example",
  score: (intents, texts, vectors) => productScorer(intents.map((intent) => ({ ...intent, examples: [...intent.examples, humanName(intent.name)] })), texts, vectors),
};
const NAME_AS_SEMANTIC_EXAMPLE: Variant = {
  name: "name-as-semantic-example",
  score(intents, _texts, vectors) {
    const lexical = trainIntentModel(intents);
    const byIntent = intents.map((intent) => [...intent.examples, humanName(intent.name)].map((text) => vectors.get(text)!));
    const fused = attachSemantic(lexical, byIntent, backgroundVectors());
    return (text: string) => scoreIntents(fused, text, vectors.get(text));
  },
};

const VARIANTS = [BASELINE, NAME_AS_EXAMPLE, NAME_AS_SEMANTIC_EXAMPLE];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const { trials, vectors } = await loadTrials((trial) => trial.intents.map((intent) => humanName(intent.name)));
  for (const variant of VARIANTS.filter((v) => wanted.length === 0 || wanted.includes(v.name))) {
    console.log(JSON.stringify(report(variant.name, runVariant(variant, trials, vectors))));
  }
}

if (require.main === module) void main();
