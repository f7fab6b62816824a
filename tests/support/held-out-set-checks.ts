/**
 * The checks every hand-written held-out pair of KB question sets passes (one demo-store file, one
 * StackFAQ file, written from the articles alone for a single final run): the agreed size, only
 * articles the bench's knowledge bases hold, and no question of any older set — the older files,
 * the demo articles' example questions, StackFAQ's dev paraphrases — word for word or nearly.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { normaliseQuestion, questionsPerArticle, readDemoArticleIds, readQuestions, readStackFaqArticleIds, stackFaqDevQuestions } from "./kb-question-sets";

const root = path.resolve(__dirname, "../..");

/** The demo articles' example questions ({ questions: { [articleId]: string[] } }): the articles show them, so a held-out question must not be one of them. */
const ArticleExamplesSchema = z.object({ questions: z.record(z.string(), z.array(z.string())) });
const articleExamples = () => Object.values(ArticleExamplesSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "bench/data/kb-article-questions.json"), "utf8"))).questions).flat();

/** The words of a question, without case or punctuation. */
const wordsOf = (question: string) => new Set(question.toLowerCase().match(/[a-z0-9$%]+/g) ?? []);

/** Jaccard overlap of two word sets: 1 when they use exactly the same words. */
function overlap(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Questions sharing at least this share of their words with an older question are near copies (the
 * same question with a word changed or moved); below it, they ask in their own words.
 */
const NEAR_COPY_OVERLAP = 0.8;

/** Every hand-written KB question file ([{ question, articleId }]), oldest first: a held-out pair copies none written before it. */
const QUESTION_FILES_OLDEST_FIRST = [
  "bench/data/kb-questions.json",
  "bench/data/kb-test-questions.json",
  "bench/data/kb-dev-unanswerable.json",
  "bench/data/kb-fresh-questions.json",
  "bench/data/stackfaq-fresh-questions.json",
  "bench/data/kb-heldout3-questions.json",
  "bench/data/stackfaq-heldout3-questions.json",
  "bench/data/kb-heldout4-questions.json",
  "bench/data/stackfaq-heldout4-questions.json",
  "bench/data/kb-heldout5-questions.json",
  "bench/data/stackfaq-heldout5-questions.json",
  "bench/data/kb-heldout6-questions.json",
  "bench/data/stackfaq-heldout6-questions.json",
  "bench/data/kb-heldout7-questions.json",
  "bench/data/stackfaq-heldout7-questions.json",
];

type HeldOutPair = {
  /** "third", "fourth": how the describe blocks name the pair. */
  ordinal: string;
  /** Both listed in QUESTION_FILES_OLDEST_FIRST. */
  demoFile: string;
  stackFaqFile: string;
};

export function describeHeldOutPair({ ordinal, demoFile, stackFaqFile }: HeldOutPair): void {
  const position = QUESTION_FILES_OLDEST_FIRST.indexOf(demoFile);
  if (position < 0 || !QUESTION_FILES_OLDEST_FIRST.includes(stackFaqFile)) throw new Error(`list ${demoFile} and ${stackFaqFile} in QUESTION_FILES_OLDEST_FIRST`);
  const olderFiles = QUESTION_FILES_OLDEST_FIRST.slice(0, position);
  const demo = readQuestions(demoFile);
  const stackFaq = readQuestions(stackFaqFile);
  const olderQuestions = () =>
    new Set([...olderFiles.flatMap((file) => readQuestions(file).map((row) => row.question)), ...articleExamples(), ...stackFaqDevQuestions()].map(normaliseQuestion));

  describe(`${ordinal} held-out demo-store questions (${demoFile})`, () => {
    it("has 120 answerable and 60 unanswerable questions", () => {
      expect(demo.filter((row) => row.articleId !== null)).toHaveLength(120);
      expect(demo.filter((row) => row.articleId === null)).toHaveLength(60);
    });

    it("points only at articles of the demo knowledge base, each of them 1 to 4 times", () => {
      const demoArticleIds = readDemoArticleIds();
      const counts = questionsPerArticle(demo);
      expect([...counts.keys()].filter((id) => !demoArticleIds.has(id))).toEqual([]);
      expect([...demoArticleIds].filter((id) => !counts.has(id))).toEqual([]);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(4);
    });
  });

  describe(`${ordinal} held-out StackFAQ questions (${stackFaqFile})`, () => {
    it("has 100 answerable questions over at least 60 threads and 60 unanswerable ones", () => {
      expect(stackFaq.filter((row) => row.articleId !== null)).toHaveLength(100);
      expect(questionsPerArticle(stackFaq).size).toBeGreaterThanOrEqual(60);
      expect(stackFaq.filter((row) => row.articleId === null)).toHaveLength(60);
    });

    it("points only at threads the bench keeps in its StackFAQ knowledge base", () => {
      const stackFaqArticleIds = readStackFaqArticleIds();
      expect([...questionsPerArticle(stackFaq).keys()].filter((id) => !stackFaqArticleIds.has(id))).toEqual([]);
    });
  });

  describe(`both ${ordinal} held-out files`, () => {
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
      // Each question's words once, not once per older question: the check grows with every pair and timed out under load.
      const nearCopies = [...demo, ...stackFaq]
        .map((row) => row.question)
        .filter((question) => {
          const words = wordsOf(question);
          return older.some((olderWords) => overlap(words, olderWords) >= NEAR_COPY_OVERLAP);
        });
      expect(nearCopies).toEqual([]);
    });
  });
}
