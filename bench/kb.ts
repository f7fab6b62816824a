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

const root = path.resolve(__dirname, "..");
const articlesDir = path.join(root, "app/workspace/knowledge-base");
const questionsFile = path.join(root, "bench/data/kb-questions.json");

type Article = { id: string; title: string; body: string; tags: string[] };

/** Reads `---` front matter (title, slug, tags) when present; else the first heading is the title. */
export function readMarkdownArticle(file: string): Article {
  const raw = fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
  const front = raw.match(/^---\n([\s\S]*?)\n---\n?/);
  const meta = new Map<string, string>();
  for (const line of front?.[1].split("\n") ?? []) {
    const pair = line.match(/^(\w+):\s*(.*)$/);
    if (pair) meta.set(pair[1], pair[2].trim().replace(/^["']|["']$/g, ""));
  }
  let body = front ? raw.slice(front[0].length) : raw;
  let title = meta.get("title");
  if (!title) {
    const heading = body.match(/^#\s+(.+)$/m);
    title = heading?.[1].trim() ?? path.basename(file, ".md");
    if (heading) body = body.replace(heading[0], "");
  }
  const tags = (meta.get("tags") ?? "").replace(/^\[|\]$/g, "").split(",").map((tag) => tag.trim().replace(/^["']|["']$/g, "")).filter(Boolean);
  return { id: meta.get("slug") ?? path.basename(file, ".md"), title, body: body.trim(), tags };
}

export function main(): void {
  if (!fs.existsSync(articlesDir) || !fs.existsSync(questionsFile)) {
    throw new Error(`kb bench needs ${path.relative(root, articlesDir)}/*.md and ${path.relative(root, questionsFile)}`);
  }
  const articles = fs.readdirSync(articlesDir).filter((name) => name.endsWith(".md")).sort().map((name) => readMarkdownArticle(path.join(articlesDir, name)));
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
