/**
 * StackFAQ (../shared/data/stackfaq: 125 web-app help threads, 625 dev paraphrases; its test part
 * is kept aside by the project owner) as a second knowledge-base domain, read at run time (the
 * data is CC BY-SA, for evaluation only: no copy is committed).
 *
 * Unanswerable questions are made the standard way: every fifth thread (ids ending in 4 or 9) is
 * left OUT of the knowledge base, and its paraphrases become questions with `articleId: null`.
 * The dev paraphrases are split by thread: threads sf-000…sf-062 are the `tune` part (everything
 * Baton's ranking and confidence were fitted on may use them), sf-063…sf-124 the `report` part
 * (held out until its one run on 2026-12-06, tuning data since; the held-out StackFAQ questions
 * are now bench/data/stackfaq-fresh-questions.json, over the same knowledge base).
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { EvalArticle, EvalQuestion } from "~/engines/eval/kb-eval";

export const STACKFAQ_DIR = process.env.STACKFAQ_DIR ?? path.resolve(__dirname, "../../../shared/data/stackfaq");

const ArticlesSchema = z.array(z.object({ id: z.string(), title: z.string(), answers: z.array(z.string()) }));
const QuestionsSchema = z.array(z.object({ text: z.string(), article: z.string() }));

const threadNumber = (id: string) => Number(id.replace(/\D/g, ""));
const leftOut = (id: string) => threadNumber(id) % 5 === 4;
export type StackFaqPart = "tune" | "report";
const partOf = (id: string): StackFaqPart => (threadNumber(id) < 63 ? "tune" : "report");

export function stackFaqAvailable(): boolean {
  return fs.existsSync(path.join(STACKFAQ_DIR, "articles.json")) && fs.existsSync(path.join(STACKFAQ_DIR, "dev.json"));
}

/** The knowledge base (threads not left out, answers as paragraphs) and one part's dev questions. */
export function loadStackFaq(part: StackFaqPart): { articles: EvalArticle[]; questions: EvalQuestion[] } {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(STACKFAQ_DIR, file), "utf8"));
  const threads = ArticlesSchema.parse(read("articles.json"));
  const articles = threads.filter((thread) => !leftOut(thread.id)).map((thread) => ({ id: thread.id, title: thread.title, body: thread.answers.join("\n\n") }));
  const questions = QuestionsSchema.parse(read("dev.json"))
    .filter((row) => partOf(row.article) === part)
    .map((row) => ({ question: row.text, articleId: leftOut(row.article) ? null : row.article }));
  return { articles, questions };
}
