/**
 * The embedded intent model in English, Spanish, French and German
 * (tests/fixtures/nlu/multilingual-intents.json: 5 intents × 6 phrases per language), on the dev
 * phrases and on the held-out test phrases, at the intent step's default threshold, each language
 * analysed in its own language and, as the baseline, with the English analysis; lexical evidence
 * alone, as Baton answers every language but English. Then each language with the English sentence
 * encoder fused in (what an English step gets; for the others, what feeding them to the English
 * encoder would do). Writes bench/results/multilingual-intents.json.
 * Run alone: npx tsx bench/multilingual-intents.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { evaluateLanguage, readMultilingualSet, type MultilingualPart } from "~/engines/eval/multilingual-intents";
import { WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";
import type { LanguageCode } from "~/engines/detect-language";
import { IntentDataSchema } from "~/nodes/intent/schema";

const root = path.resolve(__dirname, "..");
// The threshold a support lead gets without touching it.
const THRESHOLD = IntentDataSchema.parse({}).threshold;
const LANGUAGES: LanguageCode[] = ["en", "es", "fr", "de"];
const round = (value: number) => Math.round(value * 1000) / 1000;

export async function main(): Promise<void> {
  const set = readMultilingualSet(path.join(root, "tests/fixtures/nlu/multilingual-intents.json"));
  const encoder = new WorkerSentenceEncoder();
  const results = [];
  for (const part of ["dev", "test"] as MultilingualPart[]) {
    for (const language of LANGUAGES) {
      const runs = [
        { evidence: "lexical", analysis: undefined },
        ...(language === "en" ? [] : [{ evidence: "lexical", analysis: "en" as const }]),
        { evidence: "lexical + English sentence encoder", analysis: undefined, encoder },
      ];
      for (const { evidence, ...options } of runs) {
        const result = await evaluateLanguage(set, language, { part, threshold: THRESHOLD, ...options });
        results.push({ part, evidence, ...result, top1: round(result.top1), routedRight: round(result.routedRight), unrelatedTaken: round(result.unrelatedTaken), ece: round(result.ece) });
      }
    }
  }
  await encoder.close();
  const report = {
    dataset: "tests/fixtures/nlu/multilingual-intents.json: 5 intents × (6 training, 3 dev, 4 test phrases) and 4 dev + 6 test unrelated messages per language",
    generatedAt: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}`,
    threshold: THRESHOLD,
    results,
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results/multilingual-intents.json"), `${JSON.stringify(report, null, 2)}\n`);
  for (const row of results) console.log(row.part, row.language, row.evidence, `analysed as ${row.analysedAs}`, `top1 ${row.top1}`, `routed right ${row.routedRight}`, `unrelated taken ${row.unrelatedTaken}`, `ece ${row.ece}`);
}

if (require.main === module) void main().then(() => process.exit(0));
