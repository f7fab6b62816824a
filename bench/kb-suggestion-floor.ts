/**
 * Chooses SUGGESTION_FLOOR (app/engines/local/knowledge-suggestions.ts) on the TUNING parts only:
 * the demo store's bench/data/kb-questions.json + kb-dev-unanswerable.json and StackFAQ's `tune`
 * part (never the held-out demo questions nor StackFAQ's `report` part). For each candidate floor,
 * at the kb node's default minScore: of the refused answerable questions, how many have the right
 * article among the suggestions; of the unanswerable ones, how many get any. The chosen floor is
 * the lowest at which fewer than half of each domain's unanswerable questions get suggestions.
 * Prints a table and the choice; writes nothing. Run: npx tsx bench/kb-suggestion-floor.ts
 * With `--lexical`, the same for ranking on words alone (encoder off or not ready, a non-English
 * knowledge base): LEXICAL_SUGGESTION_FLOOR. Its confidences are per article, not shares of one
 * probability, so three weak matches add up faster: its floor is searched up to 1.5 (since the
 * words-only refit of 2026-12-07 its sums stay well under that; the old scale needed up to 3).
 */
import fs from "node:fs";
import path from "node:path";
import { batonRanker, buildEvalIndex, measureAbstention, measureSuggestions, type EvalArticle, type EvalQuestion } from "~/engines/eval/kb-eval";
import { CONFIDENCE_MODEL } from "~/engines/local/knowledge-ranker";
import { LEXICAL_SUGGESTION_FLOOR, SUGGESTION_FLOOR } from "~/engines/local/knowledge-suggestions";
import { WorkerSentenceEncoder, type SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { exportArticlesForEval } from "~/kb/import.server";
import { loadStackFaq, stackFaqAvailable } from "./data/stackfaq";

const root = path.resolve(__dirname, "..");
const lexical = process.argv.includes("--lexical");
const FLOORS = lexical ? Array.from({ length: 61 }, (_, i) => Math.round((0.3 + i * 0.02) * 100) / 100) : Array.from({ length: 21 }, (_, i) => Math.round((0.3 + i * 0.02) * 100) / 100);
const readQuestions = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as EvalQuestion[];

async function rankPart(articles: EvalArticle[], questions: EvalQuestion[], encoder: SentenceEncoder | undefined) {
  const index = buildEvalIndex(articles, encoder);
  await index.whenEmbedded();
  const rank = batonRanker(index);
  const ranked = [];
  for (const { question } of questions) ranked.push(await rank(question));
  return ranked;
}

async function main(): Promise<void> {
  if (!stackFaqAvailable()) throw new Error("StackFAQ is needed too (../shared/data/stackfaq): the floor is chosen on both domains");
  const minScore = CONFIDENCE_MODEL.defaultMinScore;
  const demoQuestions = [...readQuestions("bench/data/kb-questions.json"), ...readQuestions("bench/data/kb-dev-unanswerable.json")];
  const stackFaq = loadStackFaq("tune");
  const encoder = lexical ? undefined : new WorkerSentenceEncoder();
  try {
    const parts = [
      { name: "demo", questions: demoQuestions, ranked: await rankPart(exportArticlesForEval(path.join(root, "app/workspace/knowledge-base")), demoQuestions, encoder) },
      { name: "StackFAQ", questions: stackFaq.questions, ranked: await rankPart(stackFaq.articles, stackFaq.questions, encoder) },
    ];
    // Refused is a fraction of the answerable questions, as suggestedRight is: their ratio is "of the refused".
    const refused = parts.map((part) => measureAbstention(part.ranked, part.questions, minScore).refused);
    console.log(`minScore ${minScore}; refused ${parts.map((part, i) => `${part.name} ${(refused[i] * 100).toFixed(1)} %`).join(", ")}`);
    console.log(`floor   ${parts.map((part) => `${part.name}: right suggested of refused / unanswerable suggested`.padEnd(60)).join("")}`);
    let chosen: number | null = null;
    for (const floor of FLOORS) {
      const metrics = parts.map((part) => measureSuggestions(part.ranked, part.questions, minScore, floor));
      const cells = metrics.map((m, i) => `${((m.suggestedRight / Math.max(1e-9, refused[i])) * 100).toFixed(1)} % / ${(m.suggestedUnanswerable * 100).toFixed(1)} %`.padEnd(60));
      console.log(`${floor.toFixed(2).padEnd(8)}${cells.join("")}`);
      if (chosen === null && metrics.every((m) => m.suggestedUnanswerable < 0.5)) chosen = floor;
    }
    console.log(`chosen: ${chosen} (in use: ${lexical ? LEXICAL_SUGGESTION_FLOOR : SUGGESTION_FLOOR})`);
  } finally {
    await encoder?.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
