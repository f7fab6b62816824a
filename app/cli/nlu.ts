/**
 * `npm run -s nlu -- eval --train F --val F --test F --shots K|all`
 * Trains Baton's embedded intent classifier on K phrases per intent of --train (its oos rows
 * are ignored: a support lead writes none), picks the out-of-scope threshold on --val,
 * evaluates on --test and prints one JSON line. Files: [{ "text", "intent" }], "oos" = out of scope.
 */
import { parseArgs } from "node:util";
import { createBatonEvalClassifier } from "~/engines/eval/baton-eval-classifier";
import { evaluateIntentClassifier, readLabelledRows } from "~/engines/eval/intent-eval";

const USAGE = "usage: npm run -s nlu -- eval --train FILE --val FILE --test FILE --shots K|all";

export async function runNluCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "eval") {
    console.error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    return 1;
  }
  let values: { train?: string; val?: string; test?: string; shots?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { train: { type: "string" }, val: { type: "string" }, test: { type: "string" }, shots: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const shots: number | "all" = values.shots === "all" ? "all" : Number(values.shots);
  if (!values.train || !values.val || !values.test || (shots !== "all" && !(Number.isInteger(shots) && shots > 0))) {
    console.error(USAGE);
    return 1;
  }
  try {
    const data = { train: readLabelledRows(values.train), val: readLabelledRows(values.val), test: readLabelledRows(values.test), shots };
    const result = await evaluateIntentClassifier(createBatonEvalClassifier(), data);
    console.log(JSON.stringify(roundAll(result)));
    return 0;
  } catch (error) {
    console.error(`nlu eval failed: ${(error as Error).message}`);
    return 1;
  }
}

/** Numbers to 4 decimals; anything else (the reliability bins, already rounded) as it is. */
export function roundAll<T extends Record<string, unknown>>(result: T): T {
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, typeof value === "number" ? Math.round(value * 10_000) / 10_000 : value])) as T;
}

if (require.main === module) {
  runNluCli(process.argv.slice(2)).then((code) => process.exit(code));
}
