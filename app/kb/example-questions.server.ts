/**
 * The support lead's loop from "Questions the bot couldn't answer": a customer's question becomes
 * one of an article's example questions ("Customers also ask"). It is an ordinary edit of the
 * article — a new revision through updateArticle, so the knowledge index re-embeds it at once —
 * made only by an admin who picked the article: a customer's pick of a suggested article can be
 * wrong, so nothing here is learned without the lead confirming it.
 */
import { db } from "~/utils/db.server";
import { normaliseQuestions, questionKey, toFieldErrors, ArticleUpdateSchema } from "./article-schema";
import { EDIT_CONFLICT_MESSAGE, getArticle, parseStoredQuestions, updateArticle } from "./articles.server";

export type AddExampleResult =
  | { ok: true; article: { id: string; title: string; status: "published" | "draft" }; question: string; alreadyThere: boolean }
  | { ok: false; message: string };

const ATTEMPTS = 3;

/** Null when there is no such article. Another admin's save in between is retried on their version, never overwritten. */
export async function addExampleQuestion(articleId: string, question: string): Promise<AddExampleResult | null> {
  for (let attempt = 1; ; attempt += 1) {
    const article = await getArticle(articleId);
    if (!article) return null;
    const [wording] = normaliseQuestions([question]);
    if (!wording) return { ok: false, message: "The question is empty." };
    const summary = { id: article.id, title: article.title, status: article.status };
    if (article.questions.some((existing) => questionKey(existing) === questionKey(wording))) {
      return { ok: true, article: summary, question: wording, alreadyThere: true };
    }
    const questions = [...article.questions, wording];
    // Checked before writing so the message names the limit rather than a field path.
    const parsed = ArticleUpdateSchema.safeParse({ questions });
    if (!parsed.success) return { ok: false, message: capitalise(toFieldErrors(parsed.error)[0].message) };
    const saved = await updateArticle(article.id, { questions }, db, { ifUpdatedAt: article.updatedAt });
    if (!saved) return null;
    if (saved.ok) return { ok: true, article: summary, question: wording, alreadyThere: false };
    const conflict = saved.errors.some((error) => error.message === EDIT_CONFLICT_MESSAGE);
    if (!conflict || attempt >= ATTEMPTS) return { ok: false, message: capitalise(saved.errors[0]?.message ?? "The article could not be saved.") };
  }
}

export type ExampleQuestionKeys = {
  /** Example questions of published articles: the bot answers these now. */
  published: Set<string>;
  /** Example questions of drafts only, with the (first) draft: answered once it is published. */
  drafts: Map<string, { id: string; title: string }>;
};

/** Every article's example questions by questionKey, split by whether the bot can answer them yet. */
export async function listExampleQuestionKeys(): Promise<ExampleQuestionKeys> {
  const rows = await db.article.findMany({ where: { NOT: { questions: "[]" } }, orderBy: { title: "asc" }, select: { id: true, title: true, status: true, questions: true } });
  const keys: ExampleQuestionKeys = { published: new Set(), drafts: new Map() };
  for (const row of rows) {
    for (const question of parseStoredQuestions(row.questions)) {
      const key = questionKey(question);
      if (row.status === "published") keys.published.add(key);
      else if (!keys.drafts.has(key)) keys.drafts.set(key, { id: row.id, title: row.title });
    }
  }
  return keys;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
