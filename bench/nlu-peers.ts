/**
 * The JavaScript intent classifiers a developer would otherwise pick, behind the same
 * EvalClassifier interface as Baton's, so bench/nlu.ts measures all of them with one harness
 * (same training phrases, same threshold rule, same timing). Each gets its most useful
 * confidence: NLP.js's own classification score, natural's class posteriors normalised to 1.
 */
import { containerBootstrap } from "@nlpjs/core";
import { Nlp } from "@nlpjs/nlp";
import { LangEn } from "@nlpjs/lang-en-min";
import natural from "natural";
import { evaluateIntentClassifier, readLabelledRows, type EvalClassifier } from "~/engines/eval/intent-eval";
import type { IntentDefinition } from "~/engines/types";

type Classification = { label: string; value: number };
type NlpJs = {
  settings: Record<string, unknown>;
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, text: string): Promise<{ classifications: { intent: string; score: number }[] }>;
};

export function createNlpJsClassifier(): EvalClassifier {
  let nlp: NlpJs;
  return {
    name: "NLP.js (@nlpjs/nlp 4.27)",
    async train(intents: IntentDefinition[]) {
      const container = await containerBootstrap();
      container.use(Nlp);
      container.use(LangEn);
      nlp = container.get("nlp") as NlpJs;
      nlp.settings.autoSave = false;
      nlp.settings.log = false;
      nlp.settings.nlu = { log: false };
      nlp.addLanguage("en");
      for (const intent of intents) for (const example of intent.examples) nlp.addDocument("en", example, intent.name);
      await nlp.train();
    },
    async classify(text) {
      const result = await nlp.process("en", text);
      const best = result.classifications.find((c) => c.intent !== "None");
      return { name: best?.intent ?? null, confidence: best?.score ?? 0 };
    },
  };
}

type NaturalClassifier = {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): Classification[];
};

function createNaturalClassifier(name: string, make: () => NaturalClassifier): EvalClassifier {
  let classifier: NaturalClassifier;
  return {
    name,
    async train(intents) {
      classifier = make();
      for (const intent of intents) for (const example of intent.examples) classifier.addDocument(example, intent.name);
      classifier.train();
    },
    async classify(text) {
      const classifications = classifier.getClassifications(text);
      const total = classifications.reduce((sum, c) => sum + c.value, 0);
      const best = classifications.reduce<Classification | null>((top, c) => (top && top.value >= c.value ? top : c), null);
      return { name: best?.label ?? null, confidence: best && total > 0 ? best.value / total : 0 };
    },
  };
}

export function createNaturalBayesClassifier(): EvalClassifier {
  return createNaturalClassifier("natural BayesClassifier 8.1", () => new natural.BayesClassifier(natural.PorterStemmer) as unknown as NaturalClassifier);
}

export function createNaturalLogisticClassifier(): EvalClassifier {
  return createNaturalClassifier(
    "natural LogisticRegressionClassifier 8.1",
    () => new natural.LogisticRegressionClassifier(natural.PorterStemmer) as unknown as NaturalClassifier,
  );
}

export const PEERS: Record<string, () => EvalClassifier> = {
  nlpjs: createNlpJsClassifier,
  "natural-bayes": createNaturalBayesClassifier,
  "natural-logistic": createNaturalLogisticClassifier,
};

/**
 * `tsx bench/nlu-peers.ts PEER SHOTS TRAIN VAL TEST` prints one JSON line, like `npm run nlu -- eval`.
 * bench/nlu.ts runs each peer in its own process so one that never finishes training can be stopped.
 */
async function runPeerCli(argv: string[]): Promise<void> {
  const [peer, shotsText, train, val, test] = argv;
  const make = PEERS[peer];
  if (!make || !shotsText || !train || !val || !test) throw new Error("usage: tsx bench/nlu-peers.ts PEER SHOTS|all TRAIN VAL TEST");
  const shots: number | "all" = shotsText === "all" ? "all" : Number(shotsText);
  const data = { train: readLabelledRows(train), val: readLabelledRows(val), test: readLabelledRows(test), shots };
  // NLP.js prints a line per training epoch and natural's dotenv a banner: keep stdout for the result.
  const print = console.log.bind(console);
  console.log = () => undefined;
  const classifier = make();
  const result = await evaluateIntentClassifier(classifier, data);
  print(JSON.stringify({ name: classifier.name, ...result }));
}

if (require.main === module) {
  runPeerCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
