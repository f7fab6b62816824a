/**
 * Article usage on the KB pages, counted from what real conversations recorded: the kb-test
 * flow answers from the knowledge base and asks "Did this help?"; customers answer by typing
 * and by the source card's buttons (POST /feedback). The builder's preview runs do not count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, type SaveResult } from "~/kb/articles.server";
import { listUnansweredQuestions } from "~/kb/unanswered.server";
import { getArticleUsage } from "~/kb/usage.server";
import * as articleRoute from "~/routes/_app.kb.$articleId";
import * as listRoute from "~/routes/_app.kb._index";
import * as newRoute from "~/routes/_app.kb.new";
import { db } from "~/utils/db.server";
import { getRequest, seedAndFind, sessionCookieFor } from "../support/auth";
import { feedbackRequest, publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

let adminCookie: string;
let gift: { id: string };
let returns: { id: string };
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

function saved(result: SaveResult | null) {
  if (!result?.ok) throw new Error(`expected a saved article, got ${JSON.stringify(result)}`);
  return result.article;
}

/** One customer: asks, gets the KB answer, and answers "Did this help?" by typing. */
async function askAndReply(question: string, reply: string | null) {
  const { id, token } = await startConversation("kb-test");
  const { json } = await say(id, token, question);
  const answer = json.messages.find((message) => message.role === "bot" && message.source);
  if (!answer) throw new Error(`no KB answer to ${question}: ${JSON.stringify(json.messages)}`);
  if (reply) await say(id, token, reply);
  return { id, token, answer };
}

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  await seedTeams();
  await publishFixtureFlow("kb-test");
  gift = saved(await createArticle({ title: "Gift cards", body: "Gift cards never expire and have no fees. Buy them from $10 to $500." }));
  returns = saved(await createArticle({ title: "Return labels", body: "Print the prepaid return label from your order page." }));

  await askAndReply("do gift cards expire?", "yes");
  await askAndReply("are there fees on gift cards?", "no, that did not help");
  // Typed "yes", then also clicked the card's "No": one customer, one opinion (the latest).
  const changedMind = await askAndReply("can I buy a gift card for $50?", "yes");
  expect((await feedbackRequest(changedMind.id, { token: changedMind.token, body: { messageId: changedMind.answer.id, helpful: false } })).status).toBe(200);
  // Clicked "Yes" on the card while the flow was waiting for the answer.
  const clicked = await askAndReply("where do I print my return label?", null);
  expect((await feedbackRequest(clicked.id, { token: clicked.token, body: { messageId: clicked.answer.id, helpful: true } })).status).toBe(200);
  // An admin trying a draft flow in the builder's preview: shown and rated, but not a customer.
  const preview = await askAndReply("do gift cards ever expire?", "yes");
  await db.conversation.update({ where: { id: preview.id }, data: { channel: "preview" } });
});

describe("article usage", () => {
  it("counts every answer shown and one rating per conversation, without preview runs", async () => {
    const usage = await getArticleUsage();
    expect(usage.get(gift.id)).toMatchObject({ shown: 3, helpful: 1, notHelpful: 2, lastShownAt: expect.any(Date) });
    expect(usage.get(returns.id)).toMatchObject({ shown: 1, helpful: 1, notHelpful: 0 });
  });

  it("shows the counts in the list and on the article page", async () => {
    const list = await listRoute.loader(args(getRequest("/kb", adminCookie)));
    const byTitle = Object.fromEntries(list.articles.map((article) => [article.title, article.usage]));
    expect(byTitle["Gift cards"]).toMatchObject({ shown: 3, helpful: 1, notHelpful: 2 });
    expect(byTitle["Return labels"]).toMatchObject({ shown: 1, helpful: 1, notHelpful: 0 });

    const page = await articleRoute.loader(args(getRequest(`/kb/${gift.id}`, adminCookie), { articleId: gift.id }));
    expect(page.usage).toEqual({ shown: 3, helpful: 1, notHelpful: 2, lastShownAt: expect.any(Date) });
  });

  it("sorts the list by most shown, and by least helpful with unrated articles last", async () => {
    const titles = async (query: string) => (await listRoute.loader(args(getRequest(`/kb${query}`, adminCookie)))).articles.map((article) => article.title);
    saved(await createArticle({ title: "Zip codes", body: "We ship to every zip code." }));
    expect(await titles("?sort=shown")).toEqual(["Gift cards", "Return labels", "Zip codes"]);
    expect(await titles("?sort=helpful")).toEqual(["Gift cards", "Return labels", "Zip codes"]);
    expect(await titles("?sort=title")).toEqual(["Gift cards", "Return labels", "Zip codes"]);
    expect(await titles("?sort=updated")).toEqual(["Zip codes", "Return labels", "Gift cards"]);
    expect((await listRoute.loader(args(getRequest("/kb?sort=loudest", adminCookie)))).sort).toBe("updated");
    await db.article.deleteMany({ where: { title: "Zip codes" } });
  });

  it("reads an article that was never shown as zero", async () => {
    const fresh = saved(await createArticle({ title: "Store hours", body: "Open 9 to 5." }));
    const page = await articleRoute.loader(args(getRequest(`/kb/${fresh.id}`, adminCookie), { articleId: fresh.id }));
    expect(page.usage).toEqual({ shown: 0, helpful: 0, notHelpful: 0, lastShownAt: null });
  });

  it("follows the event log: new answers are added, a removed conversation's are taken away", async () => {
    expect((await getArticleUsage()).get(returns.id)).toMatchObject({ shown: 1, helpful: 1 });
    const again = await askAndReply("how do I print a return label?", "no");
    expect((await getArticleUsage()).get(returns.id)).toMatchObject({ shown: 2, helpful: 1, notHelpful: 1 });
    await db.conversation.delete({ where: { id: again.id } });
    expect((await getArticleUsage()).get(returns.id)).toMatchObject({ shown: 1, helpful: 1, notHelpful: 0 });
  });

  it("lists the questions no article answered, grouped and most asked first, without preview runs", async () => {
    for (const [question, channel] of [
      ["Do you sell zebra saddles?", "web"],
      ["do you sell zebra saddles", "web"],
      ["Can I pay in seashells?", "web"],
      ["Can I pay in seashells?", "preview"],
    ] as const) {
      const { id, token } = await startConversation("kb-test");
      const { json } = await say(id, token, question);
      expect(json.messages.some((message) => message.source)).toBe(false);
      if (channel === "preview") await db.conversation.update({ where: { id }, data: { channel } });
    }
    const list = await listRoute.loader(args(getRequest("/kb", adminCookie)));
    const noAnswer = list.unanswered.questions.filter((item) => item.reasons.includes("noAnswer"));
    expect(noAnswer.map(({ question, count }) => ({ question, count }))).toEqual([
      { question: "do you sell zebra saddles", count: 2 },
      { question: "Can I pay in seashells?", count: 1 },
    ]);
    expect((await listRoute.loader(args(getRequest("/kb?q=gift", adminCookie)))).unanswered.questions).toEqual([]);
    const page = await newRoute.loader(args(getRequest(`/kb/new?question=${encodeURIComponent("Can I pay in seashells?")}`, adminCookie)));
    expect(page.question).toBe("Can I pay in seashells?");
  });

  it("lists answers customers said did not help, with the question they asked, without preview runs", async () => {
    const unanswered = await listUnansweredQuestions({ limit: 50 });
    const notHelpful = unanswered.filter((item) => item.reasons.includes("notHelpful")).map((item) => item.question);
    // Typed "no", and clicked the card's "No" after typing "yes"; the preview run's rating is left out.
    expect(notHelpful).toEqual(expect.arrayContaining(["are there fees on gift cards?", "can I buy a gift card for $50?"]));
    expect(unanswered.map((item) => item.question)).not.toContain("do gift cards ever expire?");
    expect(unanswered.map((item) => item.question)).not.toContain("do gift cards expire?");
  });

  it("lists answers given with low confidence", async () => {
    const started = await startConversation("kb-test");
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: started.id }, select: { id: true, flowId: true } });
    const answered = (score: number, query: string) => ({
      conversationId: conversation.id,
      flowId: conversation.flowId,
      type: "kb.answered",
      payload: JSON.stringify({ articleId: gift.id, slug: "gift-cards", title: "Gift cards", score, query }),
    });
    await db.event.createMany({ data: [answered(0.72, "can gift cards pay for shipping"), answered(0.97, "gift card expiry")] });
    const unanswered = await listUnansweredQuestions({ limit: 50 });
    expect(unanswered).toContainEqual(expect.objectContaining({ question: "can gift cards pay for shipping", reasons: ["lowConfidence"] }));
    expect(unanswered.map((item) => item.question)).not.toContain("gift card expiry");
    await db.conversation.delete({ where: { id: conversation.id } });
  });

  it("ignores events whose payload is not readable", async () => {
    const conversation = await db.conversation.findFirstOrThrow({ where: { channel: { not: "preview" } }, select: { id: true, flowId: true } });
    await db.event.createMany({
      data: [
        { conversationId: conversation.id, flowId: conversation.flowId, type: "kb.answered", payload: "not json" },
        { conversationId: conversation.id, flowId: conversation.flowId, type: "kb.answered", payload: JSON.stringify({ slug: "no-id" }) },
      ],
    });
    expect((await getArticleUsage()).get(gift.id)).toMatchObject({ shown: 3 });
  });
});
