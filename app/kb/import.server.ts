/**
 * Bulk import of help articles from a folder of Markdown files (front matter: title, tags,
 * status, questions; the file name is the slug) or from a CSV (title, body, tags[, status,
 * questions]; the slug comes from the title). A file without questions keeps an updated article's
 * example questions. Everything is parsed and validated first; only when EVERY file is valid are
 * the articles written, all in one transaction, so a broken file never leaves half an import.
 * Re-importing a slug updates that article. The CLI reads files from disk, the admin page from an
 * upload; both hand the same SourceFile list to validateSourceFiles, so they accept and refuse
 * exactly the same input.
 */
import fs from "node:fs";
import path from "node:path";
import { db as defaultDb, type Db } from "~/utils/db.server";
import { notifyArticlesChanged } from "./articles.server";
import { parseArticlesCsv } from "./csv-articles.server";
import { parseMarkdownArticle, type ImportedArticle, type ImportProblem, type ParsedFile } from "./markdown-article.server";

export type { ImportedArticle, ImportProblem } from "./markdown-article.server";
export type ImportResult = { ok: true; created: string[]; updated: string[] } | { ok: false; problems: ImportProblem[] };
/**
 * One file to import: its name as the user knows it (a path, or a name inside an upload) and its
 * text, or why it could not be read (too large, not UTF-8), which is reported like any problem.
 */
export type SourceFile = { name: string; text: string } | { name: string; unreadable: string };

export const IMPORTABLE_FILE = /\.(md|csv)$/i;

// A 5,000-row CSV is a few seconds of upserts on a slow disk; Prisma's default is 5 s.
const IMPORT_TRANSACTION_TIMEOUT_MS = 120_000;

function parseSourceFile(file: SourceFile): ParsedFile {
  if ("unreadable" in file) return { articles: [], problems: [{ file: file.name, message: file.unreadable }] };
  return file.name.toLowerCase().endsWith(".csv") ? parseArticlesCsv(file.name, file.text) : parseMarkdownArticle(file.name, file.text);
}

function listSourceFiles(target: string): { files: string[]; problems: ImportProblem[] } {
  if (!fs.existsSync(target)) return { files: [], problems: [{ file: target, message: "no such file or directory" }] };
  if (fs.statSync(target).isDirectory()) {
    const files = fs
      .readdirSync(target)
      .filter((name) => IMPORTABLE_FILE.test(name))
      .sort()
      .map((name) => path.join(target, name));
    return files.length > 0 ? { files, problems: [] } : { files, problems: [{ file: target, message: "the folder has no .md or .csv files" }] };
  }
  if (!IMPORTABLE_FILE.test(target)) return { files: [], problems: [{ file: target, message: "expected a folder of .md files, a .md file or a .csv file" }] };
  return { files: [target], problems: [] };
}

/** Parses and validates everything under `target`; writes nothing. */
export function loadArticlesForImport(target: string): { articles: ImportedArticle[]; problems: ImportProblem[] } {
  const { files, problems } = listSourceFiles(target);
  if (problems.length > 0) return { articles: [], problems };
  return validateSourceFiles(files.map((file) => ({ name: file, text: fs.readFileSync(file, "utf8") })));
}

/** Parses and validates every file (Markdown or CSV by its extension) and checks slugs are unique; writes nothing. */
export function validateSourceFiles(files: SourceFile[]): { articles: ImportedArticle[]; problems: ImportProblem[] } {
  const articles: ImportedArticle[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const parsed = parseSourceFile(file);
    articles.push(...parsed.articles);
    problems.push(...parsed.problems);
  }
  const firstWithSlug = new Map<string, ImportedArticle>();
  for (const article of articles) {
    const first = firstWithSlug.get(article.slug);
    if (first) problems.push({ file: article.file, line: article.line, message: `slug "${article.slug}" is also used by ${formatLocation(first.file, first.line)}` });
    else firstWithSlug.set(article.slug, article);
  }
  return { articles: problems.length > 0 ? [] : articles, problems };
}

export function formatLocation(file: string, line?: number): string {
  const shown = path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file;
  return line === undefined ? shown : `${shown}:${line}`;
}

export function formatProblem(problem: ImportProblem): string {
  return `${formatLocation(problem.file, problem.line)}: ${problem.message}`;
}

/**
 * Writes validated articles in ONE transaction: new slugs are created, known slugs updated.
 * `onlyMissing` leaves existing articles untouched (the demo seed must not undo an admin's edits).
 */
export async function saveImportedArticles(
  articles: ImportedArticle[],
  options: { client?: Db; onlyMissing?: boolean } = {},
): Promise<{ created: string[]; updated: string[] }> {
  const client = options.client ?? defaultDb;
  const result = await client.$transaction(
    async (tx) => {
      const existing = new Set(
        (await tx.article.findMany({ where: { slug: { in: articles.map((article) => article.slug) } }, select: { slug: true } })).map((row) => row.slug),
      );
      const created: string[] = [];
      const updated: string[] = [];
      for (const { slug, title, body, tags, questions, status } of articles) {
        const data = { title, body, tags: JSON.stringify(tags), status, ...(questions ? { questions: JSON.stringify(questions) } : {}) };
        if (!existing.has(slug)) {
          await tx.article.create({ data: { slug, ...data } });
          created.push(slug);
        } else if (!options.onlyMissing) {
          await tx.article.update({ where: { slug }, data });
          updated.push(slug);
        }
      }
      return { created, updated };
    },
    { timeout: IMPORT_TRANSACTION_TIMEOUT_MS },
  );
  if (result.created.length + result.updated.length > 0) await notifyArticlesChanged({ bulk: true });
  return result;
}

/** Validate all, then write all — or report every problem and write nothing. */
export async function importArticles(target: string, client: Db = defaultDb): Promise<ImportResult> {
  return saveIfValid(loadArticlesForImport(target), client);
}

/** The same, for files that are already in memory (an upload from the admin page). */
export async function importSourceFiles(files: SourceFile[], client: Db = defaultDb): Promise<ImportResult> {
  return saveIfValid(validateSourceFiles(files), client);
}

async function saveIfValid({ articles, problems }: { articles: ImportedArticle[]; problems: ImportProblem[] }, client: Db): Promise<ImportResult> {
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...(await saveImportedArticles(articles, { client })) };
}

export type EvalArticle = { id: string; title: string; body: string; tags: string[]; questions?: string[] };

/**
 * The published articles of a Markdown folder in the shape the retrieval benchmark reads
 * (bench/data/kb-articles.json), so the benchmark and the seeded knowledge base never drift.
 */
export function exportArticlesForEval(directory: string): EvalArticle[] {
  const { articles, problems } = loadArticlesForImport(directory);
  if (problems.length > 0) throw new Error(`cannot export ${directory}:\n${problems.map(formatProblem).join("\n")}`);
  return articles
    .filter((article) => article.status === "published")
    .map(({ slug, title, body, tags, questions }) => ({ id: slug, title, body, tags, ...(questions?.length ? { questions } : {}) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
