/**
 * The knowledge base as the admin edits it: CRUD, validation errors by field, slugs, title search,
 * and the search index following every save.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getKnowledgeIndex } from "~/engines/knowledge-store.server";
import { createArticle, deleteArticle, getArticle, listArticles, updateArticle, type SaveResult } from "~/kb/articles.server";
import { db } from "~/utils/db.server";

function saved(result: SaveResult | null) {
  if (!result?.ok) throw new Error(`expected a saved article, got ${JSON.stringify(result)}`);
  return result.article;
}
function fieldsOf(result: SaveResult | null) {
  if (!result || result.ok) throw new Error("expected validation errors");
  return result.errors.map((error) => error.field);
}

const refundArticle = { title: "Refund status", body: "Refunds take **5–7 business days**.", tags: ["Refunds", "billing", "refunds"] };

beforeEach(async () => {
  await db.article.deleteMany();
});

describe("articles", () => {
  it("creates with a slug from the title, normalised tags and published by default", async () => {
    const article = saved(await createArticle({ ...refundArticle, title: "  Where's my refund?  " }));
    expect(article).toMatchObject({ slug: "wheres-my-refund", title: "Where's my refund?", tags: ["refunds", "billing"], status: "published" });
    expect(await getArticle(article.id)).toEqual(article);
    expect(await getArticle("wheres-my-refund")).toEqual(article);
    expect(await getArticle("no-such-article")).toBeNull();
  });

  it("keeps slugs unique: the same title gets -2, -3", async () => {
    const slugs = [];
    for (let i = 0; i < 3; i += 1) slugs.push(saved(await createArticle(refundArticle)).slug);
    expect(slugs).toEqual(["refund-status", "refund-status-2", "refund-status-3"]);
  });

  it("rejects invalid input field by field and writes nothing", async () => {
    expect(fieldsOf(await createArticle({ title: "", body: "" }))).toEqual(["title", "body"]);
    expect(fieldsOf(await createArticle({ ...refundArticle, title: "x".repeat(201) }))).toEqual(["title"]);
    expect(fieldsOf(await createArticle({ ...refundArticle, body: "x".repeat(50_001) }))).toEqual(["body"]);
    expect(fieldsOf(await createArticle({ ...refundArticle, tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }))).toEqual(["tags"]);
    expect(fieldsOf(await createArticle({ ...refundArticle, tags: ["ok", "x".repeat(41), " "] }))).toEqual(["tags.1", "tags.2"]);
    expect(fieldsOf(await createArticle({ ...refundArticle, status: "archived" }))).toEqual(["status"]);
    expect(fieldsOf(await createArticle({ ...refundArticle, author: "me" }))).toEqual(["author"]);
    expect(fieldsOf(await createArticle("not an object"))).toEqual(["article"]);
    expect(saved(await createArticle({ ...refundArticle, title: "x".repeat(200), body: "x".repeat(50_000), tags: Array.from({ length: 20 }, (_, i) => `t${i}`.padEnd(40, "x")) })).title).toHaveLength(200);
    expect(await db.article.count()).toBe(1);
  });

  it("updates only the given fields and keeps the slug when the title changes", async () => {
    const article = saved(await createArticle({ ...refundArticle, status: "draft" }));
    const updated = saved(await updateArticle(article.id, { title: "When will I get my money back?" }));
    expect(updated).toMatchObject({ id: article.id, slug: "refund-status", title: "When will I get my money back?", body: article.body, tags: article.tags, status: "draft" });
    expect(saved(await updateArticle(article.id, { tags: [], status: "published" }))).toMatchObject({ tags: [], status: "published" });
    expect(fieldsOf(await updateArticle(article.id, { title: " ", slug: "other" }))).toEqual(["title", "slug"]);
    expect(await updateArticle("missing-id", { title: "Anything" })).toBeNull();
  });

  it("deletes, and says whether there was anything to delete", async () => {
    const article = saved(await createArticle(refundArticle));
    expect(await deleteArticle(article.id)).toBe(true);
    expect(await deleteArticle(article.id)).toBe(false);
    expect(await getArticle(article.id)).toBeNull();
  });

  it("lists newest first, searches titles case-insensitively by every word, filters by status", async () => {
    // Spaced out so "newest first" never depends on two rows sharing a millisecond.
    const later = () => new Promise((resolve) => setTimeout(resolve, 5));
    saved(await createArticle({ title: "Track your order", body: "Use the tracking link." }));
    await later();
    saved(await createArticle({ title: "Cancel an order", body: "Before it ships.", status: "draft" }));
    await later();
    saved(await createArticle({ title: "Reset my password", body: "Use forgot password." }));
    expect((await listArticles()).map((a) => a.title)).toEqual(["Reset my password", "Cancel an order", "Track your order"]);
    expect((await listArticles({ query: "ORDER" })).map((a) => a.slug)).toEqual(["cancel-an-order", "track-your-order"]);
    expect((await listArticles({ query: "order track" })).map((a) => a.slug)).toEqual(["track-your-order"]);
    expect((await listArticles({ query: "shipping" })).length).toBe(0);
    expect((await listArticles({ status: "draft" })).map((a) => a.slug)).toEqual(["cancel-an-order"]);
    expect(await listArticles()).not.toContainEqual(expect.objectContaining({ body: expect.anything() }));
  });

  it("keeps the search index in step: published articles appear, drafts and deleted ones disappear", async () => {
    const index = await getKnowledgeIndex();
    const article = saved(await createArticle({ title: "Gift wrapping", body: "Gift wrapping costs $5 per item.", tags: ["products"] }));
    expect(index.query("gift wrap")[0]?.id).toBe(article.id);
    await updateArticle(article.id, { status: "draft" });
    expect(index.query("gift wrap")).toEqual([]);
    await updateArticle(article.id, { status: "published", body: "We monogram names for $10." });
    expect(index.query("monogram")[0]?.id).toBe(article.id);
    await deleteArticle(article.id);
    expect(index.query("monogram")).toEqual([]);
  });
});
