/**
 * The article editor's form fields ↔ the article schema. Client-safe: the editor uses
 * splitTags for its tag chips, the route action uses readArticleForm and toFormErrors. Example
 * questions arrive as one `questions` field per question (the editor's list).
 */
import type { FieldError } from "./article-schema";

export type ArticleFormFields = { title: string; body: string; tags: string; questions: string; status: string };

/** "Refunds, billing ,," → ["Refunds", "billing"]; commas separate tags, as people type them. */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** The raw form → the input createArticle/updateArticle validate. Line endings become "\n". */
export function readArticleForm(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    title: text("title"),
    body: text("body").replace(/\r\n?/g, "\n"),
    tags: splitTags(text("tags")),
    questions: form.getAll("questions").filter((value): value is string => typeof value === "string"),
    status: text("status") || "published",
  };
}

/** Field errors of the schema ("tags.2") → one message per form field, in words a support lead reads. */
export function toFormErrors(errors: FieldError[], tags: string[], questions: string[] = []): Partial<Record<keyof ArticleFormFields | "form", string>> {
  const result: Partial<Record<keyof ArticleFormFields | "form", string>> = {};
  for (const { field, message } of errors) {
    const [name, position] = field.split(".");
    if (name === "title" || name === "body" || name === "status") result[name] ??= capitalise(message);
    else if (name === "tags") {
      const tag = position === undefined ? undefined : tags[Number(position)];
      result.tags ??= tag === undefined ? capitalise(message) : `Tag “${tag}”: ${message}`;
    } else if (name === "questions") {
      const question = position === undefined ? undefined : questions[Number(position)];
      result.questions ??= question === undefined ? capitalise(message) : `Question ${Number(position) + 1} (“${question.trim().slice(0, 40)}…”): ${message}`;
    } else result.form ??= capitalise(message);
  }
  return result;
}

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
