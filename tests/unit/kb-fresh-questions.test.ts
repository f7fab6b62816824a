/**
 * The fresh held-out knowledge-base questions (issue 15): bench/data/kb-fresh-questions.json (demo
 * store) and bench/data/stackfaq-fresh-questions.json (StackFAQ). They were written after the older
 * question sets were spent, so this checks they are well formed, point at articles that exist in
 * the knowledge base the bench builds, have the agreed size, and repeat no older question.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadStackFaq, STACKFAQ_DIR, stackFaqAvailable } from "../../bench/data/stackfaq";

const root = path.resolve(__dirname, "../..");
const QuestionsSchema = z.array(z.object({ question: z.string().trim().min(3), articleId: z.string().nullable() }).strict());
type Question = z.infer<typeof QuestionsSchema>[number];

const readQuestions = (file: string): Question[] => QuestionsSchema.parse(JSON.parse(fs.readFileSync(path.join(root, file), "utf8")));
/** Case, spacing and closing punctuation don't make a question new. */
const normalise = (question: string) => question.toLowerCase().replace(/\s+/g, " ").trim().replace(/[?.!]+$/, "");

const demo = readQuestions("bench/data/kb-fresh-questions.json");
const stackFaq = readQuestions("bench/data/stackfaq-fresh-questions.json");

const demoArticleIds = new Set(z.array(z.object({ id: z.string() }).passthrough()).parse(JSON.parse(fs.readFileSync(path.join(root, "bench/data/kb-articles.json"), "utf8"))).map((article) => article.id));

/**
 * The bench's StackFAQ knowledge base: read from the data when it is on this machine; without it,
 * the documented numbering (sf-000…sf-124, every thread ending in 4 or 9 left out; bench/data/stackfaq.ts).
 */
const stackFaqArticleIds = stackFaqAvailable()
  ? new Set(loadStackFaq("report").articles.map((article) => article.id))
  : new Set(Array.from({ length: 125 }, (_, n) => n).filter((n) => n % 5 !== 4).map((n) => `sf-${String(n).padStart(3, "0")}`));

/** Every question of the older, spent sets (the demo store's three files and StackFAQ's dev paraphrases). */
function olderQuestions(): Set<string> {
  const files = ["bench/data/kb-questions.json", "bench/data/kb-test-questions.json", "bench/data/kb-dev-unanswerable.json"];
  const older = files.flatMap((file) => readQuestions(file).map((row) => row.question));
  if (stackFaqAvailable()) {
    const dev = z.array(z.object({ text: z.string() }).passthrough()).parse(JSON.parse(fs.readFileSync(path.join(STACKFAQ_DIR, "dev.json"), "utf8")));
    older.push(...dev.map((row) => row.text));
  }
  return new Set(older.map(normalise));
}

function perArticle(questions: Question[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { articleId } of questions) if (articleId !== null) counts.set(articleId, (counts.get(articleId) ?? 0) + 1);
  return counts;
}

describe("fresh demo-store questions (bench/data/kb-fresh-questions.json)", () => {
  it("has 120 answerable and 60 unanswerable questions", () => {
    expect(demo.filter((row) => row.articleId !== null)).toHaveLength(120);
    expect(demo.filter((row) => row.articleId === null)).toHaveLength(60);
  });

  it("points only at articles of the demo knowledge base, each of them 1 to 4 times", () => {
    const counts = perArticle(demo);
    expect([...counts.keys()].filter((id) => !demoArticleIds.has(id))).toEqual([]);
    expect([...demoArticleIds].filter((id) => !counts.has(id))).toEqual([]);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(4);
  });
});

describe("fresh StackFAQ questions (bench/data/stackfaq-fresh-questions.json)", () => {
  it("has 100 answerable questions over at least 60 articles and 60 unanswerable ones", () => {
    expect(stackFaq.filter((row) => row.articleId !== null)).toHaveLength(100);
    expect(perArticle(stackFaq).size).toBeGreaterThanOrEqual(60);
    expect(stackFaq.filter((row) => row.articleId === null)).toHaveLength(60);
  });

  it("points only at threads the bench keeps in its StackFAQ knowledge base", () => {
    expect([...perArticle(stackFaq).keys()].filter((id) => !stackFaqArticleIds.has(id))).toEqual([]);
  });
});

describe("both fresh files", () => {
  it("repeat no question, within or across the two files", () => {
    const all = [...demo, ...stackFaq].map((row) => normalise(row.question));
    expect(all.filter((question, index) => all.indexOf(question) !== index)).toEqual([]);
  });

  it("copy no question of the older, spent sets", () => {
    const older = olderQuestions();
    expect([...demo, ...stackFaq].map((row) => row.question).filter((question) => older.has(normalise(question)))).toEqual([]);
  });
});
