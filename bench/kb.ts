/**
 * Knowledge retrieval on the seeded demo knowledge base (app/workspace/knowledge-base/*.md)
 * with the customer-phrased questions of bench/data/kb-questions.json: Baton's index against a
 * plain BM25 baseline, through the public command (`npm run -s kb -- eval`). Writes
 * bench/results/kb.json and prints a table. Run alone: npx tsx bench/kb.ts
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportArticlesForEval } from "~/kb/import.server";

const root = path.resolve(__dirname, "..");
const articlesDir = path.join(root, "app/workspace/knowledge-base");
const questionsFile = path.join(root, "bench/data/kb-questions.json");

export function main(): void {
  if (!fs.existsSync(articlesDir) || !fs.existsSync(questionsFile)) {
    throw new Error(`kb bench needs ${path.relative(root, articlesDir)}/*.md and ${path.relative(root, questionsFile)}`);
  }
  // The app's own Markdown loading (front matter, validation, published only): what the seed imports.
  const articles = exportArticlesForEval(articlesDir);
  const articlesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-bench-")), "articles.json");
  fs.writeFileSync(articlesFile, JSON.stringify(articles));
  const output = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["app/cli/kb.ts", "eval", "--articles", articlesFile, "--questions", questionsFile], {
    cwd: root,
    encoding: "utf8",
  });
  const result = JSON.parse(output.trim().split("\n").pop() ?? "{}");
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const report = { dataset: "seeded knowledge base + bench/data/kb-questions.json", generatedAt: new Date().toISOString(), ...result };
  fs.writeFileSync(path.join(root, "bench/results/kb.json"), `${JSON.stringify(report, null, 2)}\n`);
  const line = (name: string, m: { recallAt1: number; recallAt3: number; mrr: number; p99Ms: number }) =>
    `${name.padEnd(36)}${(m.recallAt1 * 100).toFixed(1).padStart(10)}%${(m.recallAt3 * 100).toFixed(1).padStart(10)}%${m.mrr.toFixed(3).padStart(8)}${m.p99Ms.toFixed(2).padStart(9)}`;
  console.log(`${result.articles} articles, ${result.questions} questions`);
  console.log(`${"retriever".padEnd(36)}${"recall@1".padStart(11)}${"recall@3".padStart(11)}${"MRR".padStart(8)}${"p99 ms".padStart(9)}`);
  console.log(line("Baton (MiniSearch, boosts, stems)", result));
  console.log(line(result.baseline.name, result.baseline));
}

if (require.main === module) main();
