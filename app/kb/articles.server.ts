/**
 * The knowledge base as the admin sees it: list (with a search over titles, tags and bodies), get, create, update,
 * delete. Input is validated with ArticleInputSchema; the slug is made from the title once, at
 * creation, and kept when the title changes later so links to an article never break.
 * Every save ends in notifyArticlesChanged(), the single place that tells the search index.
 */
import { z } from "zod";
import { refreshArticle, reloadKnowledgeIndex, removeArticle } from "~/engines/knowledge-store.server";
import { stripMarkdown } from "~/engines/local/markdown";
import { db as defaultDb, type Db } from "~/utils/db.server";
import { hasPrismaCode } from "~/utils/prisma-errors";
import { parseStoredStringList } from "~/utils/stored-string-list";
import { ArticleInputSchema, ArticleUpdateSchema, slugify, toFieldErrors, type FieldError } from "./article-schema";

export type ArticleStatus = "published" | "draft";
export type Article = { id: string; slug: string; title: string; body: string; tags: string[]; questions: string[]; status: ArticleStatus; createdAt: Date; updatedAt: Date };
export type ArticleSummary = Omit<Article, "body" | "questions">;
export type SaveResult = { ok: true; article: Article } | { ok: false; errors: FieldError[] };

const StoredStatusSchema = z.enum(["published", "draft"]).catch("draft");
const summarySelect = { id: true, slug: true, title: true, tags: true, status: true, createdAt: true, updatedAt: true } as const;
const articleSelect = { ...summarySelect, body: true, questions: true } as const;

type SummaryRow = { id: string; slug: string; title: string; tags: string; status: string; createdAt: Date; updatedAt: Date };

/** The tags and example questions columns (JSON arrays of strings; a broken one reads as empty). */
export const parseStoredTags = parseStoredStringList;
export const parseStoredQuestions = parseStoredStringList;

function toSummary(row: SummaryRow): ArticleSummary {
  return { ...row, tags: parseStoredTags(row.tags), status: StoredStatusSchema.parse(row.status) };
}
function toArticle({ body, questions, ...row }: SummaryRow & { body: string; questions: string }): Article {
  return { ...toSummary(row), body, questions: parseStoredQuestions(questions) };
}

/** The one call site for the search index after articles are saved or deleted. */
export async function notifyArticlesChanged(change: { saved?: string[]; removed?: string[]; bulk?: boolean }): Promise<void> {
  if (change.bulk) return reloadKnowledgeIndex();
  for (const id of change.saved ?? []) await refreshArticle(id);
  for (const id of change.removed ?? []) await removeArticle(id);
}

export type ListArticlesOptions = { query?: string; status?: ArticleStatus };
/** A list row; `snippet` is the body text around the first match when the search matched the body only. */
export type ArticleListItem = ArticleSummary & { snippet?: string };

const SNIPPET_RADIUS = 70;

/**
 * Newest first. With a query, every word must appear in the title, the tags or the body
 * (case-insensitively); articles whose title has them all come first. The search runs here rather
 * than in SQL: SQLite's LIKE and PostgreSQL's are not equally case-insensitive, and a help center
 * has hundreds of articles, not millions.
 */
export async function listArticles(options: ListArticlesOptions = {}, client: Db = defaultDb): Promise<ArticleListItem[]> {
  const words = (options.query ?? "").toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const where = options.status ? { status: options.status } : undefined;
  const orderBy = [{ updatedAt: "desc" as const }, { slug: "asc" as const }];
  if (words.length === 0) return (await client.article.findMany({ where, select: summarySelect, orderBy })).map(toSummary);

  const rows = await client.article.findMany({ where, select: articleSelect, orderBy });
  const inTitle: ArticleListItem[] = [];
  const elsewhere: ArticleListItem[] = [];
  for (const { body, questions: _questions, ...row } of rows) {
    const summary = toSummary(row);
    const title = summary.title.toLocaleLowerCase();
    const tags = summary.tags.join(" ");
    const text = stripMarkdown(body);
    const lowerText = text.toLocaleLowerCase();
    if (!words.every((word) => title.includes(word) || tags.includes(word) || lowerText.includes(word))) continue;
    if (words.every((word) => title.includes(word))) inTitle.push(summary);
    else {
      const bodyWord = words.find((word) => !title.includes(word) && !tags.includes(word));
      elsewhere.push(bodyWord ? { ...summary, snippet: snippetAround(text, lowerText.indexOf(bodyWord)) } : summary);
    }
  }
  return [...inTitle, ...elsewhere];
}

function snippetAround(text: string, at: number): string {
  const start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - SNIPPET_RADIUS)) + 1);
  const endSpace = text.indexOf(" ", at + SNIPPET_RADIUS);
  const end = endSpace < 0 ? text.length : endSpace;
  const inner = readTableCells(text.slice(start, end)).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${inner}${end < text.length ? "…" : ""}`;
}

/** A Markdown table's pipes and `|---|` rows (kept in the indexed text) read as "cell · cell · cell" in a snippet. */
function readTableCells(text: string): string {
  return text
    .replace(/^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?[ \t]*$/gm, "")
    .replace(/^[ \t]*\|[ \t]*/gm, "")
    .replace(/[ \t]*\|[ \t]*$/gm, " · ")
    .replace(/[ \t]*\|[ \t]*/g, " · ")
    .replace(/(?: · )\s*$/, "");
}

/** How many articles are published and how many are drafts (the list's filter tabs). */
export async function countArticlesByStatus(client: Db = defaultDb): Promise<Record<ArticleStatus, number>> {
  const groups = await client.article.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<ArticleStatus, number> = { published: 0, draft: 0 };
  for (const group of groups) counts[StoredStatusSchema.parse(group.status)] += group._count._all;
  return counts;
}

/** By id or by slug; null when there is no such article. */
export async function getArticle(idOrSlug: string, client: Db = defaultDb): Promise<Article | null> {
  const row = await client.article.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: articleSelect });
  return row ? toArticle(row) : null;
}

/** The title's slug, or the first free "-2", "-3", … variant. */
export async function findFreeSlug(title: string, client: Db = defaultDb): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await client.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

export async function createArticle(input: unknown, client: Db = defaultDb): Promise<SaveResult> {
  const parsed = ArticleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const { title, body, tags, questions, status } = parsed.data;
  // Two admins creating "Returns" at once both see the slug free; the loser retries with the next one.
  for (let attempt = 0; ; attempt += 1) {
    const slug = await findFreeSlug(title, client);
    try {
      const row = await client.article.create({ data: { slug, title, body, tags: JSON.stringify(tags), questions: JSON.stringify(questions), status }, select: articleSelect });
      await notifyArticlesChanged({ saved: [row.id] });
      return { ok: true, article: toArticle(row) };
    } catch (error) {
      if (!hasPrismaCode(error, "P2002") || attempt >= 2) throw error;
    }
  }
}

export const EDIT_CONFLICT_MESSAGE = "Someone else saved this article after you opened it. Copy your changes, reload the page and apply them again.";

/**
 * Changes only the fields given; null when the article does not exist. With `ifUpdatedAt` (the
 * version the editor was opened on) the save is refused when someone saved in between, instead
 * of silently overwriting their edit; the check and the write are one statement.
 */
export async function updateArticle(id: string, input: unknown, client: Db = defaultDb, options: { ifUpdatedAt?: Date } = {}): Promise<SaveResult | null> {
  const parsed = ArticleUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const { tags, questions, ...rest } = parsed.data;
  const data = { ...rest, ...(tags ? { tags: JSON.stringify(tags) } : {}), ...(questions ? { questions: JSON.stringify(questions) } : {}) };
  const { count } = await client.article.updateMany({ where: { id, ...(options.ifUpdatedAt ? { updatedAt: options.ifUpdatedAt } : {}) }, data });
  if (count === 0) {
    if (!options.ifUpdatedAt || !(await client.article.count({ where: { id } }))) return null;
    return { ok: false, errors: [{ field: "article", message: EDIT_CONFLICT_MESSAGE }] };
  }
  const row = await client.article.findUniqueOrThrow({ where: { id }, select: articleSelect });
  await notifyArticlesChanged({ saved: [id] });
  return { ok: true, article: toArticle(row) };
}

/** True when an article was deleted. */
export async function deleteArticle(id: string, client: Db = defaultDb): Promise<boolean> {
  const { count } = await client.article.deleteMany({ where: { id } });
  if (count > 0) await notifyArticlesChanged({ removed: [id] });
  return count > 0;
}
