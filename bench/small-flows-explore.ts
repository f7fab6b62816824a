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
import { attachSemantic, scoreIntents, trainIntentModel, type IntentModelOptions, type IntentSignals } from "~/engines/local/intent-model";
import type { IntentDefinition } from "~/engines/types";
import { claimedSocialKinds, socialDecision } from "~/nodes/intent/social";
import { IntentDataSchema } from "~/nodes/intent/schema";
import { calibrationFeatures, SEMANTIC_INTENT_CALIBRATION, type CalibrationFeature, type IntentCalibration } from "~/engines/local/intent-calibration";
import { fitLogistic } from "./calibration-fit";
import { withNamePhrases } from "~/engines/local/intent-name";
import { embedAll } from "./sentence-vectors";

const dataDir = process.env.CLINC150_DIR ?? path.resolve(__dirname, "../../shared/data/clinc150");
const vectorFile = process.env.SMALL_FLOWS_VECTORS ?? "/tmp/small-flows-vectors.json";
const DEFAULT_THRESHOLD = IntentDataSchema.parse({}).threshold;
const MAX_TAKEN = 0.04;

type Vectors = Map<string, Float32Array>;
export type MessageOutcome = { trial: number; size: number; inScope: boolean; source: "oos" | "sameHalf" | "otherHalf" | null; top: boolean; confidence: number; best: IntentSignals | null };

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

/** As LocalIntentClassifier learns a step: each intent's name is one more example phrase (intent-name.ts). */
function productScorer(intents: IntentDefinition[], texts: string[], vectors: Vectors) {
  return plainScorer(withNamePhrases(intents), texts, vectors);
}

/** The model without the names (how the classifier learned a step before intent-name.ts). */
function plainScorer(intents: IntentDefinition[], _texts: string[], vectors: Vectors, options: Partial<IntentModelOptions> = {}) {
  const lexical = trainIntentModel(intents, options);
  const fused = attachSemantic(lexical, intents.map((intent) => intent.examples.map((text) => vectors.get(text)!)), backgroundVectors());
  return (text: string) => scoreIntents(fused, text, vectors.get(text));
}

export const BASELINE: Variant = { name: "baseline", score: productScorer };
const WITHOUT_NAMES: Variant = { name: "without-names", score: plainScorer };
/** The fused calibration before the names (commit 3eb1bf6), for comparing with the code before this change. */
const CALIBRATION_BEFORE_NAMES: IntentCalibration = {
  logProbability: 0.34,
  logMargin: 0.419,
  similarity: 1.465,
  logIntents: -0.601,
  logExamples: -0.649,
  similarityByLogExamples: 1.318,
  singleIntent: 2.343,
  centroid: -2.453,
  nearest: 6.424,
  centroidByLogExamples: -0.497,
  centroidGap: 9.625,
  background: -13.462,
  backgroundByLogIntents: 1.836,
  rival: 2.173,
  inverseIntents: -7.098,
  centroidByInverseIntents: 16.774,
  intercept: 3.053,
};
const BEFORE_NAMES: Variant = { name: "before-names", score: (intents, texts, vectors) => plainScorer(intents, texts, vectors, { semanticCalibration: CALIBRATION_BEFORE_NAMES }) };

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

export function runVariant(variant: Variant, trials: Trial[], vectors: Vectors): MessageOutcome[] {
  const records: MessageOutcome[] = [];
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

export function summarise(records: MessageOutcome[], threshold: number) {
  const inScope = records.filter((r) => r.inScope);
  const unrelated = records.filter((r) => !r.inScope);
  const share = (rows: MessageOutcome[], counted: (r: MessageOutcome) => boolean) => round(rows.filter(counted).length / Math.max(1, rows.length));
  const taken = (r: MessageOutcome) => r.best !== null && r.confidence >= threshold;
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
export function defaultRule(records: MessageOutcome[]) {
  for (let step = 5; step <= 100; step += 1) {
    const threshold = step * 0.05;
    const summary = summarise(records, threshold);
    if (summary.unrelatedTaken <= MAX_TAKEN) return { threshold: round(threshold), ...summary };
  }
  return null;
}

/** Routed right at the loosest threshold (any value) keeping unrelated taken ≤ 4 %: the calibration-free comparison. */
export function atFourPercent(records: MessageOutcome[]) {
  const unrelated = records.filter((r) => !r.inScope && r.best).map((r) => r.confidence).sort((a, b) => b - a);
  const allowed = Math.floor(MAX_TAKEN * records.filter((r) => !r.inScope).length);
  const threshold = unrelated[allowed] === undefined ? 0 : unrelated[allowed] + 1e-9;
  return { threshold: round(threshold), ...summarise(records, threshold) };
}

export function report(name: string, records: MessageOutcome[]) {
  const sizes = [...new Set(records.map((r) => r.size))];
  return {
    variant: name,
    atDefault: { threshold: DEFAULT_THRESHOLD, ...summarise(records, DEFAULT_THRESHOLD) },
    bySize: Object.fromEntries(sizes.map((size) => [size, summarise(records.filter((r) => r.size === size), DEFAULT_THRESHOLD)])),
    defaultRule: defaultRule(records),
    atFourPercent: atFourPercent(records),
    // Unrelated taken at the threshold where routed right first reaches each level (same-routed comparisons).
    takenAtRouted: Object.fromEntries([0.91, 0.915, 0.92, 0.925, 0.93].map((level) => [level, takenAtRouted(records, level)])),
  };
}

function takenAtRouted(records: MessageOutcome[], level: number): number | null {
  const inScope = records.filter((r) => r.inScope && r.top && r.best).map((r) => r.confidence).sort((a, b) => b - a);
  const needed = Math.ceil(level * records.filter((r) => r.inScope).length);
  if (inScope.length < needed) return null;
  return summarise(records, inScope[needed - 1]).unrelatedTaken;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The intent's name as one more example phrase, to both models or to the sentence vectors only. */
const NAME_AS_EXAMPLE: Variant = {
  name: "name-as-example",
  score: (intents, texts, vectors) => plainScorer(intents.map((intent) => ({ ...intent, examples: [...intent.examples, humanName(intent.name)] })), texts, vectors),
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

/**
 * Extra per-message signals for the best intent, to see whether they carry evidence the
 * calibration lacks: the cosine to the intent's name, its gap to the best other name, and the
 * nearest-example margin to the best other intent.
 */
function withExtras(inner: Variant, name: string): Variant {
  return {
    name,
    score(intents, texts, vectors) {
      const base = inner.score(intents, texts, vectors);
      const names = intents.map((intent) => vectors.get(humanName(intent.name))!);
      const examples = intents.map((intent) => intent.examples.map((text) => vectors.get(text)!));
      return (text) => {
        const ranked = base(text);
        const query = vectors.get(text);
        if (!query || ranked.length === 0) return ranked;
        const at = intents.findIndex((intent) => intent.name === ranked[0].name);
        const nameCos = names.map((vector) => dot(vector, query));
        const nearest = examples.map((list) => Math.max(...list.map((vector) => dot(vector, query))));
        const others = (values: number[]) => Math.max(-1, ...values.filter((_, k) => k !== at));
        const extra = { nameCos: nameCos[at], nameGap: nameCos[at] - (intents.length > 1 ? others(nameCos) : 0), nearestMargin: nearest[at] - (intents.length > 1 ? others(nearest) : 0) };
        return [{ ...ranked[0], extra } as IntentSignals, ...ranked.slice(1)];
      };
    },
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

const BASE_FEATURES = (Object.keys(SEMANTIC_INTENT_CALIBRATION) as (keyof typeof SEMANTIC_INTENT_CALIBRATION)[]).filter((key) => key !== "intercept") as CalibrationFeature[];

/**
 * Confidences refitted on the trials themselves, cross-fitted (even trials fit the odd ones and
 * back): whether extra signals separate right from unrelated better than the calibration's own,
 * under the same fit. Not a calibration to ship (that is bench/calibrate-intents.ts, train.json).
 */
export function crossFit(records: MessageOutcome[], extras: string[]): MessageOutcome[] {
  const design = (r: MessageOutcome) => {
    const best = r.best!;
    const features = calibrationFeatures(best, { intents: r.size, examplesPerIntent: 6 });
    const extra = (best as IntentSignals & { extra?: Record<string, number> }).extra ?? {};
    return [...BASE_FEATURES.map((name) => features[name]), ...extras.map((name) => extra[name] ?? 0)];
  };
  const scored = records.map((r) => ({ ...r }));
  for (const parity of [0, 1]) {
    const fit = fitLogistic(records.filter((r) => r.best && r.trial % 2 !== parity).map((r) => ({ x: design(r), correct: r.inScope && r.top ? 1 : 0, weight: 1 })));
    for (const r of scored) {
      if (!r.best || r.trial % 2 !== parity) continue;
      const z = design(r).reduce((sum, value, i) => sum + value * fit[i], fit[fit.length - 1]);
      r.confidence = 1 / (1 + Math.exp(-z));
    }
  }
  return scored;
}

const NAME_AS_LEXICAL_EXAMPLE: Variant = {
  name: "name-as-lexical-example",
  score(intents, _texts, vectors) {
    const lexical = trainIntentModel(intents.map((intent) => ({ ...intent, examples: [...intent.examples, humanName(intent.name)] })));
    const fused = attachSemantic(lexical, intents.map((intent) => intent.examples.map((text) => vectors.get(text)!)), backgroundVectors());
    return (text: string) => scoreIntents(fused, text, vectors.get(text));
  },
};
/** The name counted as two example phrases (its vector twice in the centroid), words once. */
const NAME_TWICE: Variant = {
  name: "name-twice",
  score(intents, _texts, vectors) {
    const lexical = trainIntentModel(intents.map((intent) => ({ ...intent, examples: [...intent.examples, humanName(intent.name)] })));
    const byIntent = intents.map((intent) => [...intent.examples, humanName(intent.name), humanName(intent.name)].map((text) => vectors.get(text)!));
    const fused = attachSemantic(lexical, byIntent, backgroundVectors());
    return (text: string) => scoreIntents(fused, text, vectors.get(text));
  },
};

const VARIANTS = [BASELINE, BEFORE_NAMES, WITHOUT_NAMES, NAME_AS_EXAMPLE, NAME_AS_SEMANTIC_EXAMPLE, NAME_AS_LEXICAL_EXAMPLE, NAME_TWICE];
const REFITS: { name: string; variant: Variant; extras: string[] }[] = [
  { name: "refit:baseline", variant: withExtras(BASELINE, "baseline+extras"), extras: [] },
  { name: "refit:+nameCos", variant: withExtras(BASELINE, "baseline+extras"), extras: ["nameCos"] },
  { name: "refit:+nameCos+nameGap", variant: withExtras(BASELINE, "baseline+extras"), extras: ["nameCos", "nameGap"] },
  { name: "refit:+nearestMargin", variant: withExtras(BASELINE, "baseline+extras"), extras: ["nearestMargin"] },
  { name: "refit:+all", variant: withExtras(BASELINE, "baseline+extras"), extras: ["nameCos", "nameGap", "nearestMargin"] },
  { name: "refit:name-as-example", variant: withExtras(NAME_AS_EXAMPLE, "name-as-example+extras"), extras: [] },
  { name: "refit:name-twice", variant: withExtras(NAME_TWICE, "name-twice+extras"), extras: [] },
  { name: "refit:name-as-example+nameCos+nearestMargin", variant: withExtras(NAME_AS_EXAMPLE, "name-as-example+extras"), extras: ["nameCos", "nameGap", "nearestMargin"] },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const { trials, vectors } = await loadTrials((trial) => trial.intents.map((intent) => humanName(intent.name)));
  for (const variant of VARIANTS.filter((v) => wanted.length === 0 || wanted.includes(v.name))) {
    console.log(JSON.stringify(report(variant.name, runVariant(variant, trials, vectors))));
  }
  const cache = new Map<Variant, MessageOutcome[]>();
  for (const refit of REFITS.filter((r) => wanted.length === 0 || wanted.includes(r.name))) {
    if (!cache.has(refit.variant)) cache.set(refit.variant, runVariant(refit.variant, trials, vectors));
    console.log(JSON.stringify(report(refit.name, crossFit(cache.get(refit.variant)!, refit.extras))));
  }
}

if (require.main === module) void main();
