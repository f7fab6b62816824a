/**
 * `npm run -s nlu -- eval --train F --val F --test F --shots K|all`
 * Trains Baton's embedded intent classifier on K phrases per intent of --train (its oos rows
 * are ignored: a support lead writes none), picks the out-of-scope threshold on --val,
 * evaluates on --test and prints one JSON line. Files: [{ "text", "intent" }], "oos" = out of scope.
 *
 * `npm run -s nlu -- small-flows --train F --test F [--trials N] [--no-peers]`
 * Repeated small intent steps (2, 3, 4 and 6 intents × 6 phrases from --train) at the intent
 * step's default threshold, tested on --test (app/engines/eval/small-flows.ts); Baton as the
 * step runs it (greetings and the like answered, not classified) and, unless --no-peers,
 * NLP.js and natural's Bayes classifier on the same trials. One JSON line.
 */
import { parseArgs } from "node:util";
import { createBatonEvalClassifier } from "~/engines/eval/baton-eval-classifier.server";
import { evaluateIntentClassifier, readLabelledRows, type EvalClassifier } from "~/engines/eval/intent-eval";
import { DEFAULT_SMALL_FLOW_OPTIONS, drawTrials, evaluateSmallFlows } from "~/engines/eval/small-flows";
import { IntentDataSchema } from "~/nodes/intent/schema";
import { claimedSocialKinds, socialDecision, type SocialKind } from "~/nodes/intent/social";

const USAGE = [
  "usage: npm run -s nlu -- eval --train FILE --val FILE --test FILE --shots K|all",
  "       npm run -s nlu -- small-flows --train FILE --test FILE [--trials N] [--no-peers]",
].join("\n");

type Args = { train?: string; val?: string; test?: string; shots?: string; trials?: string; "no-peers"?: boolean };

export async function runNluCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "eval" && command !== "small-flows") {
    console.error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    return 1;
  }
  let values: Args;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        train: { type: "string" },
        val: { type: "string" },
        test: { type: "string" },
        shots: { type: "string" },
        trials: { type: "string" },
        "no-peers": { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const result = command === "eval" ? await runEval(values) : await runSmallFlows(values);
  if (typeof result === "string") {
    console.error(result);
    return 1;
  }
  console.log(JSON.stringify(roundAll(result)));
  return 0;
}

async function runEval(values: Args): Promise<Record<string, unknown> | string> {
  const shots: number | "all" = values.shots === "all" ? "all" : Number(values.shots);
  if (!values.train || !values.val || !values.test || (shots !== "all" && !(Number.isInteger(shots) && shots > 0))) return USAGE;
  const classifier = createBatonEvalClassifier();
  try {
    const data = { train: readLabelledRows(values.train), val: readLabelledRows(values.val), test: readLabelledRows(values.test), shots };
    return await evaluateIntentClassifier(classifier, data);
  } catch (error) {
    return `nlu eval failed: ${(error as Error).message}`;
  } finally {
    await classifier.close();
  }
}

async function runSmallFlows(values: Args): Promise<Record<string, unknown> | string> {
  const trialsPerSize = values.trials === undefined ? DEFAULT_SMALL_FLOW_OPTIONS.trials : Number(values.trials);
  if (!values.train || !values.test || !(Number.isInteger(trialsPerSize) && trialsPerSize > 0)) return USAGE;
  // The threshold a support lead gets without touching it.
  const threshold = IntentDataSchema.parse({}).threshold;
  const baton = createBatonEvalClassifier({ cacheSize: 20_000 });
  try {
    const trials = drawTrials(readLabelledRows(values.train), readLabelledRows(values.test), { ...DEFAULT_SMALL_FLOW_OPTIONS, trials: trialsPerSize });
    const classifiers: EvalClassifier[] = [asIntentStep(baton)];
    if (!values["no-peers"]) {
      // The peers are dev dependencies: loaded only when compared (natural's dotenv prints a banner on load).
      const { createNlpJsClassifier, createNaturalBayesClassifier } = await withoutConsoleLog(() => import("../../bench/nlu-peers"));
      classifiers.push(quiet(createNlpJsClassifier()), createNaturalBayesClassifier());
    }
    const results = [];
    for (const classifier of classifiers) results.push(await evaluateSmallFlows(classifier, trials, threshold));
    return { threshold, examplesPerIntent: DEFAULT_SMALL_FLOW_OPTIONS.examples, sizes: DEFAULT_SMALL_FLOW_OPTIONS.sizes, trialsPerSize, results };
  } catch (error) {
    return `nlu small-flows failed: ${(error as Error).message}`;
  } finally {
    await baton.close();
  }
}

/** Baton as the intent step runs it: greetings, thanks, small talk and contact details are answered, never routed. */
function asIntentStep(classifier: EvalClassifier): EvalClassifier {
  let claimed: SocialKind[] = [];
  return {
    name: classifier.name,
    async train(intents) {
      claimed = claimedSocialKinds(intents);
      await classifier.train(intents);
    },
    async classify(text) {
      const decision = socialDecision(text, claimed);
      if (decision.social) return { name: null, confidence: 0, ranked: [] };
      return classifier.classify(decision.classify);
    },
  };
}

/** Stdout is where this command prints its one result line: libraries' chatter is dropped. */
async function withoutConsoleLog<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

/** NLP.js logs every training epoch. */
function quiet(classifier: EvalClassifier): EvalClassifier {
  return { ...classifier, train: (intents) => withoutConsoleLog(() => classifier.train(intents)) };
}

/** Numbers to 4 decimals, in nested objects too (arrays of bins are already rounded). */
export function roundAll<T>(result: T): T {
  if (typeof result === "number") return (Math.round(result * 10_000) / 10_000) as T;
  if (result && typeof result === "object" && !Array.isArray(result)) {
    return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, roundAll(value)])) as T;
  }
  if (Array.isArray(result)) return result.map(roundAll) as T;
  return result;
}

if (require.main === module) {
  runNluCli(process.argv.slice(2)).then((code) => process.exit(code));
}
