/**
 * Example questions on articles ("Customers also ask") in the local knowledge engine: indexed as a
 * words field and embedded as cues once per article revision, named when they drive a match —
 * and, without any, the demo store ranks and scores exactly as on main before they existed
 * (tests/fixtures/kb-ranking/baseline.json, written by tests/support/write-ranking-baseline.ts).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { articleExampleCues } from "~/engines/local/article-passages";
import { KnowledgeIndex, type KnowledgeArticle } from "~/engines/local/knowledge-index";
import { rankArticles } from "~/engines/local/knowledge-ranker";
import { FakeSentenceEncoder } from "../../support/fake-sentence-encoder";
import { BASELINE_FILE, BASELINE_QUESTIONS, DEMO_ARTICLES_FILE } from "../../support/write-ranking-baseline";
import { ARTICLES } from "./fixtures";

type Ranked = Array<{ id: string; score: number }>;
const baseline = JSON.parse(fs.readFileSync(BASELINE_FILE, "utf8")) as { semantic: Record<string, Ranked>; lexical: Record<string, Ranked> };
const demo = (JSON.parse(fs.readFileSync(DEMO_ARTICLES_FILE, "utf8")) as Array<Omit<KnowledgeArticle, "slug">>).map((article) => ({ ...article, slug: article.id }));

async function ranked(index: KnowledgeIndex, question: string): Promise<Ranked> {
  return (await rankArticles(index, question, { limit: 10 })).map(({ id, score }) => ({ id, score }));
}

describe("articles without example questions", () => {
  it.each([
    ["absent", (article: KnowledgeArticle) => article],
    ["an empty list", (article: KnowledgeArticle) => ({ ...article, questions: [] })],
    ["only blank ones", (article: KnowledgeArticle) => ({ ...article, questions: ["  ", ""] })],
  ])("rank and score exactly as before example questions existed (questions %s)", async (_, withQuestions) => {
    const semantic = new KnowledgeIndex({ encoder: new FakeSentenceEncoder() });
    const lexical = new KnowledgeIndex();
    for (const article of demo) {
      semantic.upsert(withQuestions(article));
      lexical.upsert(withQuestions(article));
    }
    await semantic.whenEmbedded();
    for (const question of BASELINE_QUESTIONS) {
      expect(await ranked(semantic, question)).toStrictEqual(baseline.semantic[question]);
      expect(await ranked(lexical, question)).toStrictEqual(baseline.lexical[question]);
    }
  });
});

describe("example questions", () => {
  it("are trimmed, de-duplicated case-insensitively and emptied out before they are embedded", () => {
    expect(articleExampleCues([" Where is my parcel? ", "where is my parcel?", "", "Can I pay later?"])).toEqual(["Where is my parcel?", "Can I pay later?"]);
    expect(articleExampleCues(undefined)).toEqual([]);
  });

  it("are searched as words: a question only an example question shares words with finds its article", () => {
    const index = new KnowledgeIndex();
    for (const article of ARTICLES) index.upsert(article);
    const question = "can my grandmother pick up the parcel";
    expect(index.query(question).map((match) => match.id)).not.toContain("shipping");
    expect(index.unknownTermShare(question)).toBeGreaterThan(0);

    const shipping = ARTICLES.find((article) => article.id === "shipping")!;
    index.upsert({ ...shipping, questions: ["Can my grandmother pick up the parcel for me?"] });
    const [first] = index.query(question);
    expect(first).toMatchObject({ id: "shipping", score: 1 });
    expect(index.unknownTermShare(question)).toBe(0);
  });

  it("are embedded once per article revision as cues, and the ranking names the one that drove the match", async () => {
    const encoder = new FakeSentenceEncoder();
    const index = new KnowledgeIndex({ encoder });
    for (const article of ARTICLES) index.upsert(article);
    await index.whenEmbedded();
    const shipping = ARTICLES.find((article) => article.id === "shipping")!;
    const example = "Can my grandmother pick up the parcel for me?";
    index.upsert({ ...shipping, questions: [example] });
    await index.whenEmbedded();
    expect(encoder.embedded.filter((text) => text === example)).toHaveLength(1);

    const question = "can my grandmother pick up the parcel";
    const before = encoder.embedded.length;
    const [first] = await rankArticles(index, question);
    await rankArticles(index, question);
    // Per question only the question itself is embedded, never the example again.
    expect(encoder.embedded.slice(before)).toEqual([question, question]);
    expect(first).toMatchObject({ id: "shipping", matchedExample: example });

    const similarity = (await index.similarities(question, ["shipping", "refunds"]))!;
    expect(similarity.get("shipping")!.example).toBe(example);
    expect(similarity.get("shipping")!.cue).toBeGreaterThan(similarity.get("shipping")!.best);
    expect(similarity.get("refunds")!.example).toBeUndefined();
  });

  it("name no example question when the article's own words matched better", async () => {
    const index = new KnowledgeIndex({ encoder: new FakeSentenceEncoder() });
    for (const article of ARTICLES) index.upsert(article.id === "password" ? { ...article, questions: ["I am locked out"] } : article);
    await index.whenEmbedded();
    const [first] = await rankArticles(index, "reset your password");
    expect(first.id).toBe("password");
    expect(first.matchedExample).toBeUndefined();
  });
});
