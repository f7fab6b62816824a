/**
 * A question the support lead taught is answered from the article it was taught to, whatever the
 * ranking's evidence says (app/engines/local/taught-question.ts): on the demo store, "What's your
 * phone number?" taught to the contact article went to "Update your name, address or phone number".
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { KnowledgeIndex, type KnowledgeArticle } from "~/engines/local/knowledge-index";
import { rankArticles } from "~/engines/local/knowledge-ranker";
import { questionMatchKey, TAUGHT_CONFIDENCE } from "~/engines/local/taught-question";
import { FakeSentenceEncoder } from "../../support/fake-sentence-encoder";
import { DEMO_ARTICLES_FILE } from "../../support/write-ranking-baseline";

const demo = (JSON.parse(fs.readFileSync(DEMO_ARTICLES_FILE, "utf8")) as Array<Omit<KnowledgeArticle, "slug">>).map((article) => ({ ...article, slug: article.id }));
const taught = (article: KnowledgeArticle) => (article.id === "store-hours-and-contact" ? { ...article, questions: ["What's your phone number?"] } : article);

async function indexes(teach = taught) {
  const semantic = new KnowledgeIndex({ encoder: new FakeSentenceEncoder() });
  const lexical = new KnowledgeIndex();
  for (const article of demo) {
    semantic.upsert(teach(article));
    lexical.upsert(teach(article));
  }
  await semantic.whenEmbedded();
  return { semantic, lexical };
}

describe("a taught question", () => {
  it("reads two wordings of one question as the same, and different questions as different", () => {
    expect(questionMatchKey("What's your phone number?")).toBe(questionMatchKey("what is your  phone number"));
    expect(questionMatchKey("I can’t log in!")).toBe(questionMatchKey("i cannot log in"));
    expect(questionMatchKey("Don't you ship to Canada?")).toBe(questionMatchKey("do not you ship to canada"));
    expect(questionMatchKey("What's your phone number?")).not.toBe(questionMatchKey("What's my phone number?"));
    expect(questionMatchKey(" ?! ")).toBe("");
  });

  it("is answered from the article it was taught to, first and at the taught confidence, on words and on meaning", async () => {
    const untaught = await indexes((article) => article);
    for (const index of [untaught.semantic, untaught.lexical]) expect((await rankArticles(index, "what is your phone number"))[0]?.id).toBe("update-account-details");
    const { semantic, lexical } = await indexes();
    for (const index of [semantic, lexical]) {
      const [first, ...rest] = await rankArticles(index, "What is your phone number");
      expect(first).toMatchObject({ id: "store-hours-and-contact", score: TAUGHT_CONFIDENCE, matchedExample: "What's your phone number?" });
      expect(rest.map((article) => article.id)).not.toContain("store-hours-and-contact");
    }
  });

  it("outside a kb step's tags is not answered from", async () => {
    const { lexical } = await indexes();
    const ranked = await rankArticles(lexical, "what's your phone number?", { tags: ["account"] });
    expect(ranked.map((article) => article.id)).not.toContain("store-hours-and-contact");
  });

  it("a paraphrase is left to the ranking", async () => {
    const { lexical } = await indexes();
    const [first] = await rankArticles(lexical, "what phone number can I call you on?");
    expect(first?.score ?? 0).not.toBe(TAUGHT_CONFIDENCE);
  });
});
