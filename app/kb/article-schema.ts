/**
 * The one definition of a valid article, shared by the admin forms, the JSON API, the importer
 * and the seed. Client-safe (no server imports), so a form can show the same errors the server gives.
 */
import { z } from "zod";

export const ARTICLE_STATUSES = ["published", "draft"] as const;
export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const TAGS_MAX = 20;
export const TAG_MAX = 40;
export const QUESTIONS_MAX = 30;
export const QUESTION_MAX = 200;

const TagSchema = z
  .string()
  .trim()
  .min(1, "a tag cannot be empty")
  .max(TAG_MAX, `a tag is at most ${TAG_MAX} characters`)
  .transform((tag) => tag.toLowerCase());

const TitleSchema = z.string().trim().min(1, "the title is required").max(TITLE_MAX, `the title is at most ${TITLE_MAX} characters`);
const BodySchema = z.string().min(1, "the body is required").max(BODY_MAX, `the body is at most ${BODY_MAX.toLocaleString("en-US")} characters`);
// Tags are matched case-insensitively by KB nodes, so they are stored lower-case and de-duplicated.
const TagsSchema = z
  .array(TagSchema)
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)]);
const StatusSchema = z.enum(ARTICLE_STATUSES);

/**
 * When two wordings are the same question: equal but for case, spacing around and inside, and the
 * punctuation that ends them ("Where is my refund?" = "where is my refund"). The one rule for
 * de-duplicating an article's example questions, grouping the questions the bot couldn't answer,
 * and telling whether such a question is already an example question.
 */
export function questionKey(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .toLocaleLowerCase()
    .replace(/[\s?!.…？！。]+$/u, "");
}

/** Example questions as saved: trimmed, empty ones dropped, the first of repeats (by questionKey) kept. */
export function normaliseQuestions(questions: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of questions) {
    const question = raw.trim().replace(/\s+/g, " ");
    const key = questionKey(question);
    if (question === "" || seen.has(key)) continue;
    seen.add(key);
    kept.push(question);
  }
  return kept;
}

// "Customers also ask": the support lead's wordings of what the article answers. The count is
// checked after repeats and blanks are dropped, so pasting a list with duplicates is not refused.
// A question of punctuation alone ("?") has an empty questionKey: saved, it would match nothing
// and make the next such question look like its repeat, so it is refused (blank ones are dropped).
const QuestionsSchema = z
  .array(
    z
      .string()
      .trim()
      .max(QUESTION_MAX, `an example question is at most ${QUESTION_MAX} characters`)
      .refine((question) => question === "" || /[\p{L}\p{N}]/u.test(question), "an example question needs words"),
  )
  .transform(normaliseQuestions)
  .pipe(z.array(z.string()).max(QUESTIONS_MAX, `at most ${QUESTIONS_MAX} example questions per article`));

export const ArticleInputSchema = z.strictObject({
  title: TitleSchema,
  body: BodySchema,
  tags: TagsSchema.default([]),
  questions: QuestionsSchema.default([]),
  status: StatusSchema.default("published"),
});
export type ArticleInput = z.input<typeof ArticleInputSchema>;
export type ValidArticle = z.output<typeof ArticleInputSchema>;

// Spelled out rather than ArticleInputSchema.partial(): zod applies defaults inside optional
// fields, so a partial schema would silently reset tags and status on every title edit.
export const ArticleUpdateSchema = z.strictObject({
  title: TitleSchema.optional(),
  body: BodySchema.optional(),
  tags: TagsSchema.optional(),
  questions: QuestionsSchema.optional(),
  status: StatusSchema.optional(),
});
export type ArticleUpdate = z.input<typeof ArticleUpdateSchema>;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 80;

/** "Where's my order?" → "wheres-my-order"; accents folded, never empty. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  return slug || "article";
}

export type FieldError = { field: string; message: string };

/** zod issues → one message per field path ("tags.3"), the shape forms and the CLI print. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join(".") : (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "article"),
    message: issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : issue.message,
  }));
}
