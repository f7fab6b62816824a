/**
 * Example questions ("Customers also ask") at the edges: the article schema's normalisation and
 * its errors, the editor form's messages, and the two import formats (front matter, CSV column).
 */
import { describe, expect, it } from "vitest";
import { toFormErrors } from "~/kb/article-form";
import { ArticleInputSchema, ArticleUpdateSchema, toFieldErrors } from "~/kb/article-schema";
import { parseArticlesCsv } from "~/kb/csv-articles.server";
import { parseMarkdownArticle } from "~/kb/markdown-article.server";

const article = { title: "Refund status", body: "Refunds take 5–7 business days." };

describe("the article schema's example questions", () => {
  it("trims them, drops empty ones and keeps the first of case-insensitive repeats", () => {
    const parsed = ArticleInputSchema.parse({ ...article, questions: ["  Where is my refund? ", "", "   ", "WHERE IS MY REFUND?", "when  do I get my money back"] });
    expect(parsed.questions).toEqual(["Where is my refund?", "when do I get my money back"]);
    expect(ArticleInputSchema.parse(article).questions).toEqual([]);
  });

  it("refuses a question over 200 characters and more than 30 questions, each with its own message", () => {
    const long = ArticleInputSchema.safeParse({ ...article, questions: ["fine", "x".repeat(201)] });
    expect(long.success).toBe(false);
    expect(toFieldErrors(long.error!)).toEqual([{ field: "questions.1", message: "an example question is at most 200 characters" }]);
    const many = Array.from({ length: 31 }, (_, i) => `question ${i}`);
    const tooMany = ArticleUpdateSchema.safeParse({ questions: many });
    expect(toFieldErrors(tooMany.error!)).toEqual([{ field: "questions", message: "at most 30 example questions per article" }]);
    // 31 entries that are 30 once repeats are dropped are fine.
    expect(ArticleUpdateSchema.parse({ questions: [...many.slice(0, 30), "QUESTION 0"] }).questions).toHaveLength(30);
    expect(() => ArticleInputSchema.parse({ ...article, questions: [42] })).toThrow();
  });

  it("refuses a question of punctuation alone, which has no words to match (a second one was dropped as its repeat)", () => {
    const parsed = ArticleInputSchema.safeParse({ ...article, questions: ["Do you ship abroad?", "?", " ?! "] });
    expect(toFieldErrors(parsed.error!)).toEqual([
      { field: "questions.1", message: "an example question needs words" },
      { field: "questions.2", message: "an example question needs words" },
    ]);
    expect(ArticleInputSchema.parse({ ...article, questions: ["¿Envían a España?", "24/7?"] }).questions).toEqual(["¿Envían a España?", "24/7?"]);
  });

  it("an update without questions leaves them out (they are not reset)", () => {
    expect(ArticleUpdateSchema.parse({ title: "New title" })).toEqual({ title: "New title" });
  });

  it("gives the editor a message that names the question", () => {
    const questions = ["fine", `${"y".repeat(201)}`];
    const errors = toFieldErrors(ArticleInputSchema.safeParse({ ...article, questions }).error!);
    expect(toFormErrors(errors, [], questions).questions).toBe(`Question 2 (“${"y".repeat(40)}…”): an example question is at most 200 characters`);
  });
});

describe("importing example questions", () => {
  it("reads a front-matter list (or a single string), and leaves them out when the file has none", () => {
    const withList = parseMarkdownArticle("refund-status.md", "---\ntitle: Refund status\nquestions:\n  - where is my refund?\n  - ' when do I get my money back '\n---\nRefunds take 5–7 days.\n");
    expect(withList.problems).toEqual([]);
    expect(withList.articles[0].questions).toEqual(["where is my refund?", "when do I get my money back"]);
    const single = parseMarkdownArticle("refund-status.md", "---\ntitle: Refund status\nquestions: where is my refund?\n---\nRefunds take 5–7 days.\n");
    expect(single.articles[0].questions).toEqual(["where is my refund?"]);
    const none = parseMarkdownArticle("refund-status.md", "---\ntitle: Refund status\n---\nRefunds take 5–7 days.\n");
    expect(none.articles[0]).not.toHaveProperty("questions");
  });

  it("points at the front-matter line of a question that is too long", () => {
    const parsed = parseMarkdownArticle("refund-status.md", `---\ntitle: Refund status\nquestions:\n  - ${"z".repeat(201)}\n---\nRefunds take 5–7 days.\n`);
    expect(parsed.articles).toEqual([]);
    expect(parsed.problems).toEqual([{ file: "refund-status.md", line: 3, message: "questions[0]: an example question is at most 200 characters" }]);
  });

  it("reads a CSV questions column, one question per line of the cell", () => {
    const csv = 'title,body,tags,questions\n"Refund status","Refunds take 5–7 days.",refunds,"where is my refund?\nwhen, exactly, do I get my money back?\n"\n"Gift cards","They never expire.",billing,\n';
    const parsed = parseArticlesCsv("articles.csv", csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles.map((row) => row.questions)).toEqual([["where is my refund?", "when, exactly, do I get my money back?"], []]);
    const without = parseArticlesCsv("articles.csv", 'title,body,tags\n"Gift cards","They never expire.",billing\n');
    expect(without.articles[0]).not.toHaveProperty("questions");
  });
});
