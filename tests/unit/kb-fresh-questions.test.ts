/**
 * The fresh held-out knowledge-base questions (issue 15): bench/data/kb-fresh-questions.json (demo
 * store) and bench/data/stackfaq-fresh-questions.json (StackFAQ). They were written after the older
 * question sets were spent, so this checks they are well formed, point at articles that exist in
 * the knowledge base the bench builds, have the agreed size, and repeat no older question.
 */
import { describe, expect, it } from "vitest";
import { normaliseQuestion, questionsPerArticle, readDemoArticleIds, readQuestions, readStackFaqArticleIds, stackFaqDevQuestions } from "../support/kb-question-sets";

const demo = readQuestions("bench/data/kb-fresh-questions.json");
const stackFaq = readQuestions("bench/data/stackfaq-fresh-questions.json");
const demoArticleIds = readDemoArticleIds();
const stackFaqArticleIds = readStackFaqArticleIds();

/** Every question of the older, spent sets (the demo store's three files and StackFAQ's dev paraphrases). */
function olderQuestions(): Set<string> {
  const files = ["bench/data/kb-questions.json", "bench/data/kb-test-questions.json", "bench/data/kb-dev-unanswerable.json"];
  return new Set([...files.flatMap((file) => readQuestions(file).map((row) => row.question)), ...stackFaqDevQuestions()].map(normaliseQuestion));
}

describe("fresh demo-store questions (bench/data/kb-fresh-questions.json)", () => {
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

describe("fresh StackFAQ questions (bench/data/stackfaq-fresh-questions.json)", () => {
  it("has 100 answerable questions over at least 60 articles and 60 unanswerable ones", () => {
    expect(stackFaq.filter((row) => row.articleId !== null)).toHaveLength(100);
    expect(questionsPerArticle(stackFaq).size).toBeGreaterThanOrEqual(60);
    expect(stackFaq.filter((row) => row.articleId === null)).toHaveLength(60);
  });

  it("points only at threads the bench keeps in its StackFAQ knowledge base", () => {
    expect([...questionsPerArticle(stackFaq).keys()].filter((id) => !stackFaqArticleIds.has(id))).toEqual([]);
  });
});

describe("both fresh files", () => {
  it("repeat no question, within or across the two files", () => {
    const all = [...demo, ...stackFaq].map((row) => normaliseQuestion(row.question));
    expect(all.filter((question, index) => all.indexOf(question) !== index)).toEqual([]);
  });

  it("copy no question of the older, spent sets", () => {
    const older = olderQuestions();
    expect([...demo, ...stackFaq].map((row) => row.question).filter((question) => older.has(normaliseQuestion(question)))).toEqual([]);
  });
});
