import { describe, expect, it } from "vitest";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import { LocalKnowledgeRetriever } from "~/engines/local/knowledge-retriever";
import { parseArticleOutline } from "~/engines/local/article-outline";
import { articleCues, articlePassages } from "~/engines/local/article-passages";
import { selectPassage } from "~/engines/local/passage";
import { ARTICLES, buildFixtureIndex } from "./fixtures";

const index = buildFixtureIndex();
const retriever = new LocalKnowledgeRetriever(async () => index);
const top = (query: string, tags?: string[]) => index.query(query, { tags })[0]?.id;

describe("knowledge index", () => {
  it.each([
    ["how long does shipping take", "shipping"],
    ["I forgot my password and can't sign in", "password"],
    ["can I get my money back for a return", "refunds"],
    ["my promo code doesnt work at checkout", "promo"],
    ["how do I cancel premium", "subscription"],
  ])("ranks the right article first for %j", (query, id) => {
    expect(top(query)).toBe(id);
  });

  it("tolerates typos, plurals and casing", () => {
    expect(top("REFUNDS??")).toBe("refunds");
    expect(top("pasword resett")).toBe("password");
    expect(top("trackng my shiping")).toBe("shipping");
  });

  it("weighs the title above tags above the body", () => {
    const boosted = new KnowledgeIndex();
    boosted.upsert({ id: "body", slug: "b", title: "General help", tags: [], body: "Anything about invoices is handled by billing. invoice" });
    boosted.upsert({ id: "tag", slug: "t", title: "Documents", tags: ["invoice"], body: "Where to find your documents." });
    boosted.upsert({ id: "title", slug: "ti", title: "Invoice copies", tags: [], body: "Download copies from your profile." });
    expect(boosted.query("invoice").map((article) => article.id)).toEqual(["title", "tag", "body"]);
  });

  it("filters by tags", () => {
    expect(index.query("shipping", { tags: ["account"] }).map((a) => a.id)).not.toContain("shipping");
    expect(index.query("membership fee", { tags: ["BILLING"] }).every((a) => a.tags.includes("billing"))).toBe(true);
    expect(index.query("express shipping", { tags: ["shipping"] })[0].id).toBe("shipping");
  });

  it("scores in 0..1 by coverage: a fully covered question scores higher than a half-covered one, an unrelated one gets nothing", () => {
    const full = index.query("express shipping tracking")[0];
    const half = index.query("express shipping to mars rover")[0];
    expect(full.score).toBeGreaterThan(0.9);
    expect(full.score).toBeLessThanOrEqual(1);
    expect(half.score).toBeLessThan(full.score);
    expect(half.score).toBeGreaterThan(0);
    expect(Math.max(0, ...index.query("how do I bake sourdough bread").map((a) => a.score))).toBeLessThan(0.25);
    expect(index.query("")).toEqual([]);
  });

  it("updates incrementally: add, replace and remove one article", () => {
    const live = buildFixtureIndex();
    expect(live.size).toBe(ARTICLES.length);
    live.upsert({ id: "gift", slug: "gift-cards", title: "Gift cards", tags: ["billing"], body: "Gift cards never expire and can be used online." });
    expect(live.query("do gift cards expire")[0].id).toBe("gift");
    live.upsert({ id: "gift", slug: "gift-cards", title: "Vouchers", tags: ["billing"], body: "Vouchers are valid for one year." });
    expect(live.size).toBe(ARTICLES.length + 1);
    expect(live.query("vouchers valid")[0]).toMatchObject({ id: "gift", title: "Vouchers" });
    expect(live.query("gift cards never expire").map((a) => a.id)).not.toContain("gift");
    expect(live.remove("gift")).toBe(true);
    expect(live.query("vouchers")).toEqual([]);
    expect(live.size).toBe(ARTICLES.length);
  });
});

describe("field coverage", () => {
  it("measures how much of the question the title and each passage cover, and which passages hold a time or an amount", () => {
    const live = new KnowledgeIndex();
    const body = "## Express\n\nExpress parcels arrive the next day for $20.\n\n## Abroad\n\nWe ship to forty countries within 7 days.";
    live.upsert({ id: "ship", slug: "ship", title: "Shipping times", tags: [], body });
    const terms = live.weightedTerms("how fast do express parcels ship abroad");
    expect(terms.map(({ term }) => term).sort()).toEqual(["abroad", "express", "fast", "parcel", "ship"]);
    const { title, passages, examples } = live.fieldCoverage("ship", terms);
    expect(examples).toEqual([]);
    const total = terms.reduce((sum, { weight }) => sum + weight, 0);
    const share = (...names: string[]) => terms.filter(({ term }) => names.includes(term)).reduce((sum, { weight }) => sum + weight, 0) / total;
    expect(title).toBeCloseTo(share("ship"), 10);
    expect(passages).toHaveLength(3);
    expect(passages[1]).toBeCloseTo(share("ship", "express", "parcel"), 10);
    expect(passages[2]).toBeCloseTo(share("ship", "abroad"), 10);
    expect(live.passagesHolding("ship", "amount")).toEqual([false, true, false]);
    expect(live.passagesHolding("ship", "time")).toEqual([false, false, true]);
    live.upsert({ id: "ship", slug: "ship", title: "Shipping times", tags: [], body, questions: ["Do you ship abroad?", "How fast is express?"] });
    expect(live.fieldCoverage("ship", terms).examples).toEqual([share("ship", "abroad"), share("fast", "express")].map((value) => expect.closeTo(value, 10)));
    live.remove("ship");
    expect(live.fieldCoverage("ship", terms)).toEqual({ title: 0, passages: [], examples: [] });
  });
});

describe("article passages and cues", () => {
  it("embed each block under its title and heading, each table row and list item on its own too, and the cues", () => {
    const outline = parseArticleOutline("Returns", "You have 30 days to return an item. Tags must be on.\n\n## By post\n\n- Print the label\n- Drop it off\n\n## In a store\n\nBring the receipt.");
    expect(articlePassages("Returns", outline)).toEqual([
      "Returns",
      "Returns: You have 30 days to return an item. Tags must be on.",
      "Returns — By post: Print the label Drop it off",
      "Returns — By post: Print the label",
      "Returns — By post: Drop it off",
      "Returns — In a store: Bring the receipt.",
    ]);
    expect(articleCues("Returns", outline)).toEqual(["Returns. You have 30 days to return an item.", "Returns — By post", "Returns — In a store"]);
    expect(articleCues("Empty", parseArticleOutline("Empty", ""))).toEqual(["Empty"]);
  });
});

describe("extractive answer", () => {
  it("answers with the best passage of the best article and cites it", async () => {
    const answer = await retriever.answer({ query: "how fast is express shipping?", minScore: 0.3 });
    expect(answer).not.toBeNull();
    expect(answer?.article).toEqual({ id: "shipping", slug: "shipping-times", title: "Shipping times and tracking" });
    expect(answer?.citations).toEqual([answer?.article]);
    expect(answer?.text).toContain("Express shipping arrives the next business day.");
    expect(answer?.text).not.toContain("tracking link");
  });

  it("returns null (notFound) when the best article is under minScore", async () => {
    const query = "express shipping to the moon base";
    const [best] = await retriever.search({ query });
    expect(best.score).toBeLessThan(0.7);
    expect(await retriever.answer({ query, minScore: 0.7 })).toBeNull();
    expect((await retriever.answer({ query, minScore: best.score }))?.article.id).toBe("shipping");
  });

  it("strips Markdown from the passage", async () => {
    const answer = await retriever.answer({ query: "where do I click to return an item", minScore: 0.2 });
    expect(answer?.article.id).toBe("refunds");
    expect(answer?.text).toContain("Open Your orders, choose the item and click Return item.");
    expect(answer?.text).not.toMatch(/[*#]/);
  });

  it("picks the sentence window that covers the question, and the article's opening when nothing matches", () => {
    const outline = parseArticleOutline(ARTICLES[0].title, ARTICLES[0].body);
    expect(selectPassage(outline, "can I get a paper check")).toMatch(/paper check mailed to your address/);
    expect(selectPassage(outline, "zzz")).toBe("You can return any item within 30 days of delivery for a full refund.");
  });
});
