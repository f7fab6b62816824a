/**
 * One Markdown file with YAML front matter → a validated article, or problems that point at the
 * file and line a support lead should open: the broken YAML line, the front-matter key whose value
 * is wrong, or the first body line. The file name (without .md) is the article's slug, so a file
 * kept in git keeps its URL when its title changes.
 */
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { ArticleInputSchema, SLUG_PATTERN, type ValidArticle } from "./article-schema";

export type ImportProblem = { file: string; line?: number; message: string };
/** `questions` only when the file gives them: importing an older file keeps the example questions added since. */
export type ImportedArticle = Omit<ValidArticle, "questions"> & { questions?: string[]; slug: string; file: string; line: number };
export type ParsedFile = { articles: ImportedArticle[]; problems: ImportProblem[] };

const FRONT_MATTER_KEYS = new Set(["title", "tags", "questions", "status"]);

const FrontMatterSchema = z.record(z.string(), z.unknown());

function refuseCode(): never {
  throw new Error("front matter must be YAML");
}

type YamlError = { name: string; reason?: string; message: string; mark?: { line: number } };
function isYamlError(error: unknown): error is YamlError {
  return error instanceof Error && error.name === "YAMLException";
}

/** "refunds, billing" is accepted as well as a YAML list: both are what people type. */
function normaliseTags(tags: unknown): unknown {
  if (typeof tags !== "string") return tags;
  return tags.split(",").map((tag) => tag.trim()).filter((tag) => tag !== "");
}

export function parseMarkdownArticle(file: string, text: string): ParsedFile {
  const problems: ImportProblem[] = [];
  const slug = path.basename(file).replace(/\.md$/i, "");
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({ file, message: `the file name "${slug}.md" must be a slug (lower-case letters, digits and dashes), e.g. "refund-status.md"` });
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  // Exactly "---": gray-matter would run "---js" front matter through eval().
  if (lines[0]?.trim() !== "---") {
    return { articles: [], problems: [...problems, { file, line: 1, message: 'missing front matter: the file must start with "---", then title, tags and status, then "---"' }] };
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (closing < 0) return { articles: [], problems: [...problems, { file, line: 1, message: 'the front matter is never closed with a "---" line' }] };

  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache, which would hand back a shared data object.
    parsed = matter(text, { language: "yaml", engines: { js: refuseCode, javascript: refuseCode } });
  } catch (error) {
    if (!isYamlError(error)) throw error;
    // js-yaml counts from the newline right after the opening "---", which is line 1 of the file.
    const line = error.mark ? error.mark.line + 1 : 1;
    return { articles: [], problems: [...problems, { file, line, message: `the front matter is not valid YAML: ${error.reason ?? error.message}` }] };
  }

  const keyLine = (key: string) => {
    const index = lines.slice(1, closing).findIndex((line) => line.startsWith(`${key}:`));
    return index >= 0 ? index + 2 : 1;
  };
  const bodyLine = closing + 2;

  const data = FrontMatterSchema.safeParse(parsed.data ?? {});
  if (!data.success) return { articles: [], problems: [...problems, { file, line: 2, message: "the front matter must be a list of key: value lines" }] };
  for (const key of Object.keys(data.data)) {
    if (!FRONT_MATTER_KEYS.has(key)) problems.push({ file, line: keyLine(key), message: `unknown front-matter field "${key}" (allowed: title, tags, questions, status)` });
  }

  const result = ArticleInputSchema.safeParse({
    title: data.data.title,
    body: parsed.content.trim(),
    tags: normaliseTags(data.data.tags),
    // A YAML list; a single question may be written as a plain string.
    questions: typeof data.data.questions === "string" ? [data.data.questions] : (data.data.questions ?? undefined),
    status: data.data.status,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "article");
      const where = issue.path.length > 1 ? `${field}[${issue.path.slice(1).join(".")}]` : field;
      problems.push({ file, line: field === "body" ? bodyLine : keyLine(field), message: `${where}: ${issue.message}` });
    }
  }
  if (problems.length > 0 || !result.success) return { articles: [], problems };
  const { questions, ...article } = result.data;
  return { articles: [{ ...article, ...("questions" in data.data ? { questions } : {}), slug, file, line: 1 }], problems };
}
