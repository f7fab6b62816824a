/**
 * Reading the knowledge base's hand-written question sets (bench/data/*-questions.json) for the
 * tests that check a held-out set is well formed and repeats no older question.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadStackFaq, STACKFAQ_DIR, stackFaqAvailable } from "../../bench/data/stackfaq";

const root = path.resolve(__dirname, "../..");
const QuestionsSchema = z.array(z.object({ question: z.string().trim().min(3), articleId: z.string().nullable() }).strict());
export type Question = z.infer<typeof QuestionsSchema>[number];

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.isAbsolute(file) ? file : path.join(root, file), "utf8"));

/** A question file ([{ question, articleId }], articleId null when no article answers). */
export const readQuestions = (file: string): Question[] => QuestionsSchema.parse(readJson(file));

/** Case, spacing and closing punctuation don't make a question new. */
export const normaliseQuestion = (question: string) => question.toLowerCase().replace(/\s+/g, " ").trim().replace(/[?.!]+$/, "");

/** The demo store's article ids (bench/data/kb-articles.json). */
export const readDemoArticleIds = (): Set<string> =>
  new Set(z.array(z.object({ id: z.string() }).passthrough()).parse(readJson("bench/data/kb-articles.json")).map((article) => article.id));

/**
 * The bench's StackFAQ knowledge base: read from the data when it is on this machine; without it,
 * the documented numbering (sf-000…sf-124, every thread ending in 4 or 9 left out; bench/data/stackfaq.ts).
 */
export const readStackFaqArticleIds = (): Set<string> =>
  stackFaqAvailable()
    ? new Set(loadStackFaq("tune").articles.map((article) => article.id))
    : new Set(Array.from({ length: 125 }, (_, n) => n).filter((n) => n % 5 !== 4).map((n) => `sf-${String(n).padStart(3, "0")}`));

/** StackFAQ's dev paraphrases, when the data is on this machine. */
export function stackFaqDevQuestions(): string[] {
  if (!stackFaqAvailable()) return [];
  return z.array(z.object({ text: z.string() }).passthrough()).parse(readJson(path.join(STACKFAQ_DIR, "dev.json"))).map((row) => row.text);
}

/** How many questions point at each article. */
export function questionsPerArticle(questions: Question[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { articleId } of questions) if (articleId !== null) counts.set(articleId, (counts.get(articleId) ?? 0) + 1);
  return counts;
}
