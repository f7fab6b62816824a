import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticleOutline } from "~/engines/local/article-outline";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import { LocalKnowledgeRetriever } from "~/engines/local/knowledge-retriever";
import { MAX_PASSAGE_CHARS, selectPassage } from "~/engines/local/passage";
import { splitSentences } from "~/engines/local/text";
import { exportArticlesForEval } from "~/kb/import.server";

describe("sentence boundaries", () => {
  it.each([
    [
      "Threads & Co. gift cards come in any amount from $10 to $500. They never expire.",
      ["Threads & Co. gift cards come in any amount from $10 to $500.", "They never expire."],
    ],
    [
      "Standard shipping costs $8.00 (3–5 business days). Overnight costs $20.00 (next business day).",
      ["Standard shipping costs $8.00 (3–5 business days).", "Overnight costs $20.00 (next business day)."],
    ],
    ["Some items, e.g. boots, ship separately. Others don't.", ["Some items, e.g. boots, ship separately.", "Others don't."]],
    ["We ship across the U.S. and to Canada. Duties are extra.", ["We ship across the U.S. and to Canada.", "Duties are extra."]],
    [
      "Write to help@threadsandco.com or open https://threadsandco.com/help. We reply within 1 business day.",
      ["Write to help@threadsandco.com or open https://threadsandco.com/help.", "We reply within 1 business day."],
    ],
    ["Visit threadsandco.com. Then sign in.", ["Visit threadsandco.com.", "Then sign in."]],
    ["Select Forgot password? on the sign-in page. It's quick!", ["Select Forgot password? on the sign-in page.", "It's quick!"]],
    ["Mr. Smith called at 10 a.m. today. See section 3.2 for details.", ["Mr. Smith called at 10 a.m. today.", "See section 3.2 for details."]],
  ])("splits %j only at real sentence ends", (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});

describe("article outline", () => {
  const body = [
    "Intro with **bold** and a [link](https://example.com). Second sentence.",
    "",
    "## Reset it yourself",
    "",
    "1. On the sign-in page, select **Forgot password?**",
    "2. Enter your username.",
    "   - Or your email address",
    "",
    "## Prices",
    "",
    "| Option | Cost | Arrives |",
    "| --- | --- | --- |",
    "| Standard | $8.00 | 3–5 days |",
    "| Gold | — | Next day |",
  ].join("\n");

  it("keeps headings, numbered steps (with nested bullets) and table rows as units, without Markdown syntax", () => {
    const outline = parseArticleOutline("Reset my password", body);
    expect(outline.map((section) => section.heading)).toEqual(["Reset my password", "Reset it yourself", "Prices"]);
    expect(outline[0].blocks[0].units.map((unit) => unit.text)).toEqual(["Intro with bold and a link.", "Second sentence."]);
    const steps = outline[1].blocks[0];
    expect(steps.kind).toBe("steps");
    expect(steps.units.map((unit) => unit.text)).toEqual(["On the sign-in page, select Forgot password?", "Enter your username."]);
    expect(steps.units[1].details).toEqual(["Or your email address"]);
    expect(outline[2].blocks[0].units.map((unit) => unit.text)).toEqual(["Standard — Cost: $8.00; Arrives: 3–5 days", "Gold — Arrives: Next day"]);
  });

  it("a numbered list that starts at 3 keeps its numbers in the answer", () => {
    const outline = parseArticleOutline("Steps", "## Later steps\n\n3. Pack the parcel.\n4. Drop it at the carrier.");
    expect(selectPassage(outline, "how do I pack the parcel")).toBe("Later steps:\n3. Pack the parcel.\n4. Drop it at the carrier.");
  });
});

describe("choosing the passage", () => {
  const articles = exportArticlesForEval(path.resolve(__dirname, "../../../app/workspace/knowledge-base"));
  const index = new KnowledgeIndex();
  for (const article of articles) index.upsert({ ...article, slug: article.id, tags: article.tags ?? [] });
  const retriever = new LocalKnowledgeRetriever(async () => index);
  const answer = async (query: string) => (await retriever.answer({ query, minScore: 0 }))?.text ?? "";
  const passageOf = (articleId: string, query: string) => selectPassage(index.get(articleId)!.outline, query, (term) => index.termWeight(term));

  it("answers 'How do I reset my password?' with the reset steps, headed by their section, not the fallback sentence", async () => {
    const text = await answer("How do I reset my password?");
    expect(text).toBe(
      [
        "Reset it yourself:",
        "1. On the sign-in page, select Forgot password?",
        "2. Enter your username or email address.",
        "3. Open the email we send you and follow the link within 60 minutes.",
        "4. Choose a new password of at least 10 characters, then sign in.",
      ].join("\n"),
    );
  });

  it("never starts mid-sentence at an abbreviation or a price", async () => {
    const giftCards = await answer("do gift cards expire");
    expect(giftCards.startsWith("Threads & Co. gift cards come in any amount from $10 to $500, never expire")).toBe(true);
    const overnight = passageOf("shipping-options-and-costs", "do you have overnight shipping");
    expect(overnight).toMatch(/^We offer three delivery speeds within the US: standard shipping for \$8\.00 .*overnight shipping for \$20\.00 \(next business day\)/);
  });

  it("shows a list with the sentence that introduces it", async () => {
    const text = passageOf("reset-password", "the reset email never arrived, can support give me a temporary password");
    expect(text.split("\n")[0]).toBe("If the email doesn't arrive (check spam first), contact us in chat:");
    expect(text).toMatch(/^3\. We generate a temporary password and share it with you in the chat\.$/m);
  });

  it("prefers an amount for 'how much' and a time for 'when'", async () => {
    expect(await answer("how much does gift wrapping cost")).toMatch(/\$5 per item/);
    expect(await answer("when does the annual sale start")).toMatch(/second Monday of July/);
  });

  it("never answers with a bare link to another article, and stays under the length cap", async () => {
    for (const question of ["wheres my package", "what does the related section say", "refund"]) {
      const text = await answer(question);
      expect(text).not.toMatch(/^Related:/);
      expect(text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
  });
});
