/**
 * The server-side knowledge index over the Article table: built lazily from PUBLISHED articles,
 * kept current one article at a time by refreshArticle / removeArticle, rebuilt by reload.
 */
import { describe, expect, it, vi } from "vitest";
import { getKnowledgeIndex, refreshArticle, reloadKnowledgeIndex, removeArticle, warmKnowledgeIndex } from "~/engines/knowledge-store.server";
import { getEngines } from "~/engines/index.server";
import { db } from "~/utils/db.server";

describe("knowledge store", () => {
  it("indexes published articles only and follows edits, unpublishing and deletion", async () => {
    await db.article.create({
      data: { id: "ship", slug: "shipping", title: "Shipping times", body: "## Express\n\nExpress shipping arrives the **next business day**.", tags: JSON.stringify(["shipping"]) },
    });
    await db.article.create({ data: { id: "draft", slug: "draft", title: "Gift wrapping", body: "We gift wrap for free.", status: "draft" } });
    await db.article.create({ data: { id: "bad-tags", slug: "bad", title: "Store hours", body: "Open nine to five.", tags: "not json" } });

    const answer = await getEngines().knowledge.answer({ query: "how fast is express shipping", minScore: 0.3 });
    expect(answer).toMatchObject({ article: { id: "ship", slug: "shipping", title: "Shipping times" } });
    expect(answer?.text).toBe("Express shipping arrives the next business day.");
    const index = await getKnowledgeIndex();
    expect(index.size).toBe(2);
    expect(index.query("gift wrap")).toEqual([]);
    expect(index.query("store hours")[0]).toMatchObject({ id: "bad-tags", tags: [] });

    await db.article.update({ where: { id: "draft" }, data: { status: "published" } });
    await refreshArticle("draft");
    expect(index.query("gift wrap")[0].id).toBe("draft");

    await db.article.update({ where: { id: "ship" }, data: { title: "Delivery options", body: "Couriers deliver on Saturdays too." } });
    await refreshArticle("ship");
    expect(index.query("saturday delivery")[0].id).toBe("ship");
    expect(index.query("express business day")).toEqual([]);

    await db.article.update({ where: { id: "draft" }, data: { status: "draft" } });
    await refreshArticle("draft");
    expect(index.query("gift wrap")).toEqual([]);

    await db.article.delete({ where: { id: "bad-tags" } });
    await removeArticle("bad-tags");
    expect(index.query("store hours")).toEqual([]);

    await db.article.create({ data: { id: "new", slug: "new", title: "Gift cards", body: "Gift cards never expire." } });
    await reloadKnowledgeIndex();
    const reloaded = await getKnowledgeIndex();
    expect(reloaded.size).toBe(2);
    expect(reloaded.query("gift cards expire")[0].id).toBe("new");
  });

  it("warms at start-up: the index is loaded once, in the background, before the first question", async () => {
    await db.article.create({ data: { id: "warm", slug: "warm", title: "Store hours", body: "Open nine to five." } });
    await reloadKnowledgeIndex();
    const findMany = vi.spyOn(db.article, "findMany");
    try {
      warmKnowledgeIndex();
      await vi.waitFor(() => expect(findMany).toHaveBeenCalledTimes(1));
      const warmed = await getKnowledgeIndex();
      expect(warmed.query("store hours")[0].id).toBe("warm");
      expect(findMany).toHaveBeenCalledTimes(1);
    } finally {
      findMany.mockRestore();
    }
  });
});
