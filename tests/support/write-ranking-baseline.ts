/**
 * Writes tests/fixtures/kb-ranking/baseline.json: the demo store's rankings (ids and scores) for a
 * few questions, with the fake sentence encoder and on words alone. First written on main's code
 * before example questions existed (commit 25f65ef); rewritten after each refit of the models
 * (bench/fit-kb-confidence.ts, last on 2026-12-07, with the example term's file set to extreme
 * values to check that none of them reaches these rankings), so
 * tests/unit/engines/knowledge-examples.test.ts can check that articles without example questions
 * rank and score exactly as the base model alone does.
 * Run: npx tsx tests/support/write-ranking-baseline.ts
 */
import fs from "node:fs";
import path from "node:path";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import { rankArticles } from "~/engines/local/knowledge-ranker";
import { FakeSentenceEncoder } from "./fake-sentence-encoder";

export const BASELINE_QUESTIONS = [
  "can I send my jacket back after three weeks",
  "my parcel has not moved for days",
  "is there a fee for express delivery",
  "I can't log into my account",
  "do you price match",
  "how do I use a discount code at checkout",
  "cancel my subscription",
  "what's the capital of france",
];

const root = path.resolve(__dirname, "../..");
export const BASELINE_FILE = path.join(root, "tests/fixtures/kb-ranking/baseline.json");
export const DEMO_ARTICLES_FILE = path.join(root, "bench/data/kb-articles.json");

async function main() {
  const articles = JSON.parse(fs.readFileSync(DEMO_ARTICLES_FILE, "utf8")) as Array<{ id: string; title: string; body: string; tags: string[] }>;
  const semantic = new KnowledgeIndex({ encoder: new FakeSentenceEncoder() });
  const lexical = new KnowledgeIndex();
  for (const article of articles) {
    semantic.upsert({ ...article, slug: article.id });
    lexical.upsert({ ...article, slug: article.id });
  }
  await semantic.whenEmbedded();
  const result: Record<string, unknown> = { about: "written by tests/support/write-ranking-baseline.ts with the models of the 2026-12-07 refit (bench/fit-kb-confidence.ts), articles without example questions", semantic: {}, lexical: {} };
  for (const question of BASELINE_QUESTIONS) {
    (result.semantic as Record<string, unknown>)[question] = (await rankArticles(semantic, question, { limit: 10 })).map(({ id, score }) => ({ id, score }));
    (result.lexical as Record<string, unknown>)[question] = (await rankArticles(lexical, question, { limit: 10 })).map(({ id, score }) => ({ id, score }));
  }
  fs.writeFileSync(BASELINE_FILE, `${JSON.stringify(result, null, 2)}\n`);
}

if (require.main === module) void main();
