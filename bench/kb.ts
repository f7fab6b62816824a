/**
 * Knowledge retrieval on the seeded demo knowledge base (app/workspace/knowledge-base/*.md)
 * with the customer-phrased questions of bench/data/kb-questions.json: Baton's index against a
 * plain BM25 baseline, through the public command (`npm run -s kb -- eval`). With the hand
 * labels of bench/data/kb-answers.json it also measures the extractive answer: how often the
 * passage shown contains the answer, against the selector before issue #4. Writes
 * bench/results/kb.json and prints tables and a few answers before/after. Run alone: npx tsx bench/kb.ts
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AnswerLabelsSchema, answerExamples, type AnswerMetrics } from "~/engines/eval/kb-answer-eval";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import { exportArticlesForEval } from "~/kb/import.server";

const root = path.resolve(__dirname, "..");
const articlesDir = path.join(root, "app/workspace/knowledge-base");
const questionsFile = path.join(root, "bench/data/kb-questions.json");
const answersFile = path.join(root, "bench/data/kb-answers.json");
// Shown before/after in the bench output and results (README material): the traps of issue #4.
const EXAMPLE_QUESTIONS = ["do gift cards expire", "forgot my password", "how do i get grass stains out of jeans"];

export function main(): void {
  if (!fs.existsSync(articlesDir) || !fs.existsSync(questionsFile)) {
    throw new Error(`kb bench needs ${path.relative(root, articlesDir)}/*.md and ${path.relative(root, questionsFile)}`);
  }
  // The app's own Markdown loading (front matter, validation, published only): what the seed imports.
  const articles = exportArticlesForEval(articlesDir);
  const articlesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-bench-")), "articles.json");
  fs.writeFileSync(articlesFile, JSON.stringify(articles));
  const output = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["app/cli/kb.ts", "eval", "--articles", articlesFile, "--questions", questionsFile, "--answers", answersFile], {
    cwd: root,
    encoding: "utf8",
  });
  const result = JSON.parse(output.trim().split("\n").pop() ?? "{}");
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const labels = AnswerLabelsSchema.parse(JSON.parse(fs.readFileSync(answersFile, "utf8"))).items;
  const index = new KnowledgeIndex();
  for (const article of articles) index.upsert({ ...article, slug: article.id, tags: article.tags ?? [] });
  const examples = answerExamples(index, labels.filter((label) => EXAMPLE_QUESTIONS.includes(label.question)));
  const report = {
    dataset: "seeded knowledge base + bench/data/kb-questions.json; answers: bench/data/kb-answers.json (hand-labelled, see its `about`)",
    note: "Quality figures are deterministic; p99Ms is wall-clock on a shared 2-core machine and noisy.",
    generatedAt: new Date().toISOString(),
    ...result,
    answerExamples: examples,
  };
  fs.writeFileSync(path.join(root, "bench/results/kb.json"), `${JSON.stringify(report, null, 2)}\n`);
  const line = (name: string, m: { recallAt1: number; recallAt3: number; mrr: number; p99Ms: number }) =>
    `${name.padEnd(36)}${(m.recallAt1 * 100).toFixed(1).padStart(10)}%${(m.recallAt3 * 100).toFixed(1).padStart(10)}%${m.mrr.toFixed(3).padStart(8)}${m.p99Ms.toFixed(2).padStart(9)}`;
  console.log(`${result.articles} articles, ${result.questions} questions`);
  console.log(`${"retriever".padEnd(36)}${"recall@1".padStart(11)}${"recall@3".padStart(11)}${"MRR".padStart(8)}${"p99 ms".padStart(9)}`);
  console.log(line("Baton (MiniSearch, boosts, stems)", result));
  console.log(line(result.baseline.name, result.baseline));
  const { baton, beforeIssue4 } = result.answers as { baton: AnswerMetrics; beforeIssue4: AnswerMetrics };
  const percent = (rate: { rate: number }) => `${(rate.rate * 100).toFixed(1)}%`.padStart(10);
  const answerLine = (name: string, m: AnswerMetrics) =>
    `${name.padEnd(36)}${percent(m.givenArticle.all)}${percent(m.givenArticle.dev)}${percent(m.givenArticle.test)}${percent(m.endToEnd.all)}${String(m.startsMidSentence).padStart(10)}${String(m.meanChars).padStart(8)}`;
  console.log(`\nanswer contains the labelled answer (${result.answers.questions} questions)`);
  console.log(`${"passage selector".padEnd(36)}${"given art.".padStart(10)}${"dev".padStart(10)}${"test".padStart(10)}${"end2end".padStart(10)}${"mid-sent".padStart(10)}${"chars".padStart(8)}`);
  console.log(answerLine("Baton (outline, wink sentences)", baton));
  console.log(answerLine("before issue #4 (regex sentences)", beforeIssue4));
  for (const example of examples) console.log(`\nQ: ${example.question}\n  before: ${example.before}\n  after:  ${example.after.replace(/\n/g, "\n          ")}`);
}

if (require.main === module) main();
