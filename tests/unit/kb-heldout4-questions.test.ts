/**
 * The fourth held-out knowledge-base questions (issue 15): bench/data/kb-heldout4-questions.json
 * (demo store) and bench/data/stackfaq-heldout4-questions.json (StackFAQ). Every older set was
 * spent tuning or choosing the ranking and confidence, so these were written from the articles and
 * threads alone for the integrator's single final run. This checks they are well formed, point at
 * articles that exist in the knowledge base the bench builds, have the agreed size, and repeat no
 * question of any older set (the three earlier held-out pairs, the tuning sets, the articles'
 * example questions and StackFAQ's dev paraphrases), word for word or nearly.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { normaliseQuestion, questionsPerArticle, readDemoArticleIds, readQuestions, readStackFaqArticleIds, stackFaqDevQuestions } from "../support/kb-question-sets";

const root = path.resolve(__dirname, "../..");
const demo = readQuestions("bench/data/kb-heldout4-questions.json");
const stackFaq = readQuestions("bench/data/stackfaq-heldout4-questions.json");
const demoArticleIds = readDemoArticleIds();
const stackFaqArticleIds = readStackFaqArticleIds();

/** Older question files in the repository ([{ question, articleId }]). */
const OLDER_FILES = [
  "bench/data/kb-questions.json",
  "bench/data/kb-test-questions.json",
  "bench/data/kb-dev-unanswerable.json",
  "bench/data/kb-fresh-questions.json",
  "bench/data/stackfaq-fresh-questions.json",
  "bench/data/kb-heldout3-questions.json",
  "bench/data/stackfaq-heldout3-questions.json",
];
/** The demo articles' example questions ({ questions: { [articleId]: string[] } }): the articles show them, so a held-out question must not be one of them. */
const ArticleExamplesSchema = z.object({ questions: z.record(z.string(), z.array(z.string())) });
const articleExamples = () => Object.values(ArticleExamplesSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "bench/data/kb-article-questions.json"), "utf8"))).questions).flat();

/** Every question of the older sets: the files above, the example questions and StackFAQ's dev paraphrases (when the data is on this machine). */
function olderQuestions(): Set<string> {
  return new Set([...OLDER_FILES.flatMap((file) => readQuestions(file).map((row) => row.question)), ...articleExamples(), ...stackFaqDevQuestions()].map(normaliseQuestion));
}

/** The words of a question, without case or punctuation. */
const wordsOf = (question: string) => new Set(question.toLowerCase().match(/[a-z0-9$%]+/g) ?? []);

/** Jaccard overlap of two word sets: 1 when they use exactly the same words. */
function overlap(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Questions sharing at least this share of their words with an older question are near copies (the
 * same question with a word changed or moved); below it, they ask in their own words. The same
 * bound as the third held-out sets' test.
 */
const NEAR_COPY_OVERLAP = 0.8;

describe("fourth held-out demo-store questions (bench/data/kb-heldout4-questions.json)", () => {
  it("has 120 answerable and 60 unanswerable questions", () => {
    expect(demo.filter((row) => row.articleId !== null)).toHaveLength(120);
    expect(demo.filter((row) => row.articleId === null)).toHaveLength(60);
  });

  it("points only at articles of the demo knowledge base, each of them 1 to 4 times", () => {
    const counts = questionsPerArticle(demo);
    expect([...counts.keys()].filter((id) => !demoArticleIds.has(id))).toEqual([]);
    expect([...demoArticleIds].filter((id) => !counts.has(id))).toEqual([]);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(4);
  });
});

describe("fourth held-out StackFAQ questions (bench/data/stackfaq-heldout4-questions.json)", () => {
  it("has 100 answerable questions over at least 60 threads and 60 unanswerable ones", () => {
    expect(stackFaq.filter((row) => row.articleId !== null)).toHaveLength(100);
    expect(questionsPerArticle(stackFaq).size).toBeGreaterThanOrEqual(60);
    expect(stackFaq.filter((row) => row.articleId === null)).toHaveLength(60);
  });

  it("points only at threads the bench keeps in its StackFAQ knowledge base", () => {
    expect([...questionsPerArticle(stackFaq).keys()].filter((id) => !stackFaqArticleIds.has(id))).toEqual([]);
  });
});

describe("both fourth held-out files", () => {
  it("repeat no question, within or across the two files", () => {
    const all = [...demo, ...stackFaq].map((row) => normaliseQuestion(row.question));
    expect(all.filter((question, index) => all.indexOf(question) !== index)).toEqual([]);
  });

  it("copy no question of the older sets", () => {
    const older = olderQuestions();
    expect(older.size).toBeGreaterThan(0);
    expect([...demo, ...stackFaq].map((row) => row.question).filter((question) => older.has(normaliseQuestion(question)))).toEqual([]);
  });

  it("are no near copy of an older question (the same words, reordered or with one changed)", () => {
    const older = [...olderQuestions()].map(wordsOf);
    const nearCopies = [...demo, ...stackFaq].map((row) => row.question).filter((question) => older.some((words) => overlap(wordsOf(question), words) >= NEAR_COPY_OVERLAP));
    expect(nearCopies).toEqual([]);
  });
});
