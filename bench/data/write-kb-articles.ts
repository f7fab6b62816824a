/**
 * Regenerates bench/data/kb-articles.json from the demo knowledge base
 * (app/workspace/knowledge-base/*.md): `npx tsx bench/data/write-kb-articles.ts`.
 * tests/integration/kb-import.test.ts fails when the JSON and the Markdown files differ.
 */
import fs from "node:fs";
import path from "node:path";
import { exportArticlesForEval } from "~/kb/import.server";

export const KNOWLEDGE_BASE_DIR = path.resolve(__dirname, "../../app/workspace/knowledge-base");
export const EVAL_ARTICLES_FILE = path.resolve(__dirname, "kb-articles.json");

export function renderEvalArticles(): string {
  return `${JSON.stringify(exportArticlesForEval(KNOWLEDGE_BASE_DIR), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(EVAL_ARTICLES_FILE, renderEvalArticles());
  console.log(`wrote ${path.relative(process.cwd(), EVAL_ARTICLES_FILE)}`);
}
