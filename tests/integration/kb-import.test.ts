/**
 * Bulk import into the knowledge base: all-or-nothing, problems named by file and line, re-import
 * updates, and the demo seed (which must be idempotent and never undo an admin's edits).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { EVAL_ARTICLES_FILE, renderEvalArticles } from "../../bench/data/write-kb-articles";
import { getArticle, updateArticle } from "~/kb/articles.server";
import { formatProblem, importArticles, loadArticlesForImport } from "~/kb/import.server";
import { db } from "~/utils/db.server";
import { DEMO_KNOWLEDGE_BASE_DIR, seedKnowledgeBase } from "~/workspace/seed-knowledge-base.server";

const fixtures = path.resolve(__dirname, "../fixtures/kb");

function messages(result: Awaited<ReturnType<typeof importArticles>>): string[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.problems.map(formatProblem);
}

beforeEach(async () => {
  await db.article.deleteMany();
});

describe("importing Markdown", () => {
  it("imports every file of a good folder, with tags and status from the front matter", async () => {
    const result = await importArticles(path.join(fixtures, "good"));
    expect(result).toEqual({ ok: true, created: ["gift-wrapping", "store-hours", "winter-sale-preview"], updated: [] });
    const gift = await getArticle("gift-wrapping");
    expect(gift).toMatchObject({ title: "Gift wrapping", tags: ["products", "billing"], status: "published" });
    expect(gift?.body).toMatch(/^Gift wrapping costs \*\*\$5 per item\*\*/);
    expect(await getArticle("store-hours")).toMatchObject({ tags: ["orders", "returns"] });
    expect(await getArticle("winter-sale-preview")).toMatchObject({ status: "draft", tags: ["promotions"] });
  });

  it("imports nothing when one file has broken YAML, and names the file and line", async () => {
    const result = await importArticles(path.join(fixtures, "broken-yaml"));
    const lines = messages(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/broken-yaml\/return-labels\.md:4: the front matter is not valid YAML/);
    expect(await db.article.count()).toBe(0);
  });

  it("reports every invalid field with the line of its front-matter key or of the body", async () => {
    const lines = messages(await importArticles(path.join(fixtures, "invalid-fields")));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-fields\.md:5: unknown front-matter field "colour"/),
        expect.stringMatching(/bad-fields\.md:2: title: the title is required/),
        expect.stringMatching(/bad-fields\.md:4: status: /),
        expect.stringMatching(/empty-body\.md:6: body: the body is required/),
      ]),
    );
    expect(await db.article.count()).toBe(0);
  });

  it("never runs JavaScript front matter, and wants front matter first", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-js-"));
    fs.writeFileSync(path.join(dir, "code.md"), '---js\n{ title: (globalThis.kbFrontMatterRan = "yes") }\n---\nBody.\n');
    fs.writeFileSync(path.join(dir, "Not A Slug.md"), "Just a body.\n");
    const lines = loadArticlesForImport(dir).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/Not A Slug\.md: the file name "Not A Slug\.md" must be a slug/),
      expect.stringMatching(/Not A Slug\.md:1: missing front matter/),
      expect.stringMatching(/code\.md:1: missing front matter/),
    ]);
    expect((globalThis as { kbFrontMatterRan?: string }).kbFrontMatterRan).toBeUndefined();
  });

  it("re-importing a slug updates the article instead of duplicating it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-"));
    fs.cpSync(path.join(fixtures, "good"), dir, { recursive: true });
    await importArticles(dir);
    const before = await getArticle("store-hours");
    fs.writeFileSync(path.join(dir, "store-hours.md"), "---\ntitle: Store opening hours\ntags: [orders]\nstatus: draft\n---\nOpen every day from 9 am.\n");

    const again = await importArticles(dir);
    expect(again).toEqual({ ok: true, created: [], updated: ["gift-wrapping", "store-hours", "winter-sale-preview"] });
    expect(await db.article.count()).toBe(3);
    const after = await getArticle("store-hours");
    expect(after).toMatchObject({ id: before?.id, title: "Store opening hours", body: "Open every day from 9 am.", tags: ["orders"], status: "draft" });
  });

  it("rejects a missing path, a folder without articles and two files with one slug", () => {
    expect(loadArticlesForImport(path.join(fixtures, "nope")).problems[0].message).toBe("no such file or directory");
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-empty-"));
    expect(loadArticlesForImport(empty).problems[0].message).toMatch(/no \.md or \.csv files/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-dupe-"));
    fs.copyFileSync(path.join(fixtures, "good/store-hours.md"), path.join(dir, "store-hours.md"));
    fs.writeFileSync(path.join(dir, "z.csv"), "title,body,tags\nStore hours,Open late on Fridays.,orders\n");
    expect(loadArticlesForImport(dir).problems.map(formatProblem)).toEqual([expect.stringMatching(/z\.csv:2: slug "store-hours" is also used by .*store-hours\.md:1/)]);
  });
});

describe("importing CSV", () => {
  it("imports every row, slugs from titles, multi-line bodies and tag lists", async () => {
    const result = await importArticles(path.join(fixtures, "articles.csv"));
    expect(result).toEqual({ ok: true, created: ["shipping-costs", "where-is-my-order", "price-match-explained"], updated: [] });
    expect(await getArticle("shipping-costs")).toMatchObject({
      body: "Standard shipping is $8.00.\n\nFree on orders of $75 or more.",
      tags: ["shipping", "billing"],
      status: "published",
    });
    expect(await getArticle("where-is-my-order")).toMatchObject({ tags: ["orders"], status: "published" });
    expect(await getArticle("price-match-explained")).toMatchObject({ tags: ["promotions", "billing"], status: "draft" });
  });

  it("names the line where each bad row starts, and imports none of the rows", async () => {
    const lines = messages(await importArticles(path.join(fixtures, "bad-rows.csv")));
    expect(lines).toEqual([
      expect.stringMatching(/bad-rows\.csv:5: title: the title is required/),
      expect.stringMatching(/bad-rows\.csv:6: tags\[1\]: a tag is at most 40 characters/),
    ]);
    expect(await db.article.count()).toBe(0);
  });

  it("reports a missing column and malformed CSV with a line", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-csv-"));
    fs.writeFileSync(path.join(dir, "a.csv"), "title,text\nA,b\n");
    fs.writeFileSync(path.join(dir, "b.csv"), 'title,body,tags\nA,b,c\nB,"never closed,c\n');
    const lines = loadArticlesForImport(dir).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/a\.csv:1: missing columns body, tags/),
      expect.stringMatching(/a\.csv:1: unknown column text/),
      expect.stringMatching(/b\.csv:\d+: not valid CSV: Quote Not Closed/),
    ]);
  });
});

describe("the demo knowledge base", () => {
  it("seeds at least 28 published articles, idempotently, and never overwrites an admin's edit", async () => {
    const first = await seedKnowledgeBase(db);
    expect(first.created.length).toBeGreaterThanOrEqual(28);
    expect(first.existing).toBe(0);
    expect(await db.article.count({ where: { status: "published" } })).toBe(first.created.length);

    const edited = await getArticle("return-policy");
    await updateArticle(edited!.id, { title: "Our return policy (edited by the admin)" });
    await db.article.delete({ where: { slug: "gift-cards" } });

    const second = await seedKnowledgeBase(db);
    expect(second).toEqual({ created: ["gift-cards"], existing: first.created.length - 1 });
    expect(await db.article.count()).toBe(first.created.length);
    expect((await getArticle("return-policy"))?.title).toBe("Our return policy (edited by the admin)");
  });

  it("every demo article reads like a help-center page: 150-400 words, tags from the shared set", () => {
    const { articles, problems } = loadArticlesForImport(DEMO_KNOWLEDGE_BASE_DIR);
    expect(problems).toEqual([]);
    const allowed = new Set(["orders", "shipping", "returns", "refunds", "account", "billing", "membership", "promotions", "products", "technical"]);
    for (const article of articles) {
      const words = article.body.split(/\s+/).filter(Boolean).length;
      expect({ slug: article.slug, inRange: words >= 150 && words <= 400 }).toEqual({ slug: article.slug, inRange: true });
      expect(article.tags.filter((tag) => !allowed.has(tag))).toEqual([]);
    }
  });

  it("bench/data/kb-articles.json is exactly the exported Markdown files", () => {
    // Regenerate with: npx tsx bench/data/write-kb-articles.ts
    expect(fs.readFileSync(EVAL_ARTICLES_FILE, "utf8")).toBe(renderEvalArticles());
  });

  it("the question set covers every article with 3-6 customer questions", () => {
    const questions = JSON.parse(fs.readFileSync(path.join(path.dirname(EVAL_ARTICLES_FILE), "kb-questions.json"), "utf8")) as Array<{ question: string; articleId: string }>;
    const slugs = loadArticlesForImport(DEMO_KNOWLEDGE_BASE_DIR).articles.map((article) => article.slug);
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(questions.map((q) => q.question)).size).toBe(questions.length);
    for (const slug of slugs) {
      const count = questions.filter((q) => q.articleId === slug).length;
      expect({ slug, count: count >= 3 && count <= 6 }).toEqual({ slug, count: true });
    }
    expect(questions.filter((q) => !slugs.includes(q.articleId))).toEqual([]);
  });
});
