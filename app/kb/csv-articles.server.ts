/**
 * A CSV export (from a spreadsheet or another help desk) → validated articles. Columns: title,
 * body, tags (separated by ";" or ","), and optional status and questions (example questions, one
 * per line of the cell: a question may contain commas and semicolons, never a line break). Problems name the CSV line where
 * the row STARTS, which is what a spreadsheet user looks for even when a body spans many lines.
 */
import { parse } from "csv-parse/sync";
import { ArticleInputSchema, slugify } from "./article-schema";
import type { ImportProblem, ParsedFile } from "./markdown-article.server";

const REQUIRED_COLUMNS = ["title", "body", "tags"] as const;
const OPTIONAL_COLUMNS = ["status", "questions"] as const;

type CsvRecord = { record: Record<string, string>; raw: string; info: { bytes: number } };
type CsvError = Error & { code?: string; lines?: number };

function splitQuestions(cell: string): string[] {
  return cell.split(/\r?\n/);
}

function splitTags(cell: string | undefined): string[] {
  return (cell ?? "").split(/[;,]/).map((tag) => tag.trim()).filter((tag) => tag !== "");
}

export function parseArticlesCsv(file: string, text: string): ParsedFile {
  const problems: ImportProblem[] = [];
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  let columns: string[] = [];
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => (columns = names.map((name) => name.trim().toLowerCase())),
      info: true,
      raw: true,
      skip_empty_lines: true,
    }) as CsvRecord[];
  } catch (error) {
    const csvError = error as CsvError;
    if (!csvError.code?.startsWith("CSV_")) throw error;
    return { articles: [], problems: [{ file, line: csvError.lines, message: `not valid CSV: ${csvError.message}` }] };
  }

  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !(REQUIRED_COLUMNS as readonly string[]).includes(column) && !(OPTIONAL_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0) problems.push({ file, line: 1, message: `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (header: ${header})` });
  if (unknown.length > 0) problems.push({ file, line: 1, message: `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (allowed: title, body, tags, status, questions)` });
  if (problems.length > 0) return { articles: [], problems };

  // Records arrive in order, so the line count only ever moves forward (linear in the file size).
  const bytes = Buffer.from(text, "utf8");
  let counted = 0;
  let countedLine = 1;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted += 1) if (bytes[counted] === 0x0a) countedLine += 1;
    return countedLine;
  };

  const articles: ParsedFile["articles"] = [];
  for (const { record, raw, info } of records) {
    // info.bytes ends after this record; skipped blank lines are part of its raw text.
    const leadingBlank = raw.length - raw.replace(/^(?:\r?\n)+/, "").length;
    const line = lineAt(info.bytes - Buffer.byteLength(raw, "utf8") + leadingBlank);
    const result = ArticleInputSchema.safeParse({
      title: record.title,
      body: (record.body ?? "").trim(),
      tags: splitTags(record.tags),
      status: record.status?.trim() ? record.status.trim().toLowerCase() : undefined,
      questions: record.questions === undefined ? undefined : splitQuestions(record.questions),
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const where = issue.path.length > 1 ? `${String(issue.path[0])}[${issue.path.slice(1).join(".")}]` : String(issue.path[0] ?? "row");
        problems.push({ file, line, message: `${where}: ${issue.message}` });
      }
      continue;
    }
    // Without a questions column the example questions an article already has are kept.
    const { questions, ...article } = result.data;
    articles.push({ ...article, ...(columns.includes("questions") ? { questions } : {}), slug: slugify(result.data.title), file, line });
  }
  return { articles: problems.length > 0 ? [] : articles, problems };
}
