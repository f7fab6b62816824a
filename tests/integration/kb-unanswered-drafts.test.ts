/**
 * "Questions the bot couldn't answer" and example questions in DRAFT articles: the bot cannot
 * answer from a draft, so a question added to one stays listed — marked with that draft, without a
 * second "Add to an article…" — until the draft is published. One normalisation (case, spacing,
 * end punctuation) says when two wordings are the same question, for the list and for the
 * article's example questions alike.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, getArticle, updateArticle, type SaveResult } from "~/kb/articles.server";
import { addExampleQuestion } from "~/kb/example-questions.server";
import { listUnansweredQuestions } from "~/kb/unanswered.server";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, seedTeams, startConversation } from "../support/chat-api";

const QUESTION = "Can I swap the colour of my order?";

function saved(result: SaveResult | null) {
  if (!result?.ok) throw new Error(`expected a saved article, got ${JSON.stringify(result)}`);
  return result.article;
}

/** A customer's question the bot found no article for, as the KB step records it. */
async function askedWithoutAnswer(query: string) {
  const { id } = await startConversation("kb-test");
  const { flowId } = await db.conversation.findUniqueOrThrow({ where: { id }, select: { flowId: true } });
  await db.event.create({ data: { conversationId: id, flowId, type: "kb.notFound", payload: JSON.stringify({ query }) }, select: { id: true } });
}

const listed = async (question: string) => (await listUnansweredQuestions({ limit: 50 })).find((item) => item.question === question);

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow("kb-test");
});

describe("a question added to a draft article", () => {
  it("stays listed, marked with the draft, until the draft is published; then it leaves the list", async () => {
    const draft = saved(await createArticle({ title: "Changing an order", body: "You can change the colour or size until the order ships.", status: "draft" }));
    await askedWithoutAnswer(QUESTION);
    expect(await listed(QUESTION)).toMatchObject({ addedToDraft: null, reasons: ["noAnswer"] });

    expect(await addExampleQuestion(draft.id, QUESTION)).toMatchObject({ ok: true, alreadyThere: false, article: { status: "draft" } });
    expect(await listed(QUESTION)).toMatchObject({ count: 1, addedToDraft: { id: draft.id, title: "Changing an order" } });

    const article = await getArticle(draft.id);
    saved(await updateArticle(draft.id, { status: "published" }, db, { ifUpdatedAt: article!.updatedAt }));
    expect(await listed(QUESTION)).toBeUndefined();
  });
});

describe("one rule for 'the same question'", () => {
  it("an example question that differs only in case, spacing or end punctuation hides the customer's wording, and is not added twice", async () => {
    const published = saved(await createArticle({ title: "Gift wrapping", body: "Add gift wrapping at checkout for $5.", questions: ["do you offer gift wrapping"] }));
    await askedWithoutAnswer("  Do you   offer gift wrapping?! ");
    expect(await listed("Do you   offer gift wrapping?!")).toBeUndefined();
    expect(await addExampleQuestion(published.id, "Do you offer GIFT wrapping?")).toMatchObject({ ok: true, alreadyThere: true });
    expect((await getArticle(published.id))?.questions).toEqual(["do you offer gift wrapping"]);
  });

  it("an article's example questions keep the first of wordings that differ only in end punctuation", async () => {
    const article = saved(await createArticle({ title: "Store hours", body: "We are open 9 to 5.", questions: ["When are you open?", "when are you open", "When are you open!!", "When do you close?"] }));
    expect(article.questions).toEqual(["When are you open?", "When do you close?"]);
  });
});
