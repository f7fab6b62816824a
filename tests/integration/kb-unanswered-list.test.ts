/**
 * "Questions the bot couldn't answer" beyond the KB page's few rows: the full list at
 * /kb/unanswered has every question of the window, most asked or newest first, a page at a time;
 * the KB page's short list puts what customers asked this week before a line that was frequent
 * weeks ago; short replies ("not sure", "ok") are counted apart, never silently dropped.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, getArticle } from "~/kb/articles.server";
import { listUnansweredQuestions, readUnansweredList } from "~/kb/unanswered.server";
import * as listRoute from "~/routes/_app.kb._index";
import * as fullRoute from "~/routes/_app.kb.unanswered";
import { db } from "~/utils/db.server";
import { formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";
import { publishFixtureFlow, seedTeams, startConversation } from "../support/chat-api";

const DAY = 86_400_000;
const NOW = Date.now();
const args = (request: Request) => ({ request, params: {}, context: {} });

let adminCookie: string;
let agentCookie: string;
let conversation: { id: string; flowId: string };

/** A question the KB step found no article for, `daysAgo` days ago, `times` times. */
async function askedWithoutAnswer(query: string, daysAgo: number, times = 1) {
  const createdAt = new Date(NOW - daysAgo * DAY);
  await db.event.createMany({ data: Array.from({ length: times }, () => ({ conversationId: conversation.id, flowId: conversation.flowId, type: "kb.notFound", payload: JSON.stringify({ query }), createdAt })) });
}

// Twelve questions asked once over the last days, a stale frequent one, a fresh one, and short replies.
const ONCE = Array.from({ length: 12 }, (_, i) => `Do you ship zebra saddle number ${i + 1} abroad?`);
const STALE = "Can I pay with a cheque by post?";
const FRESH = "How long do I have to return an item?";
const SHORT = ["not sure", "ok", "I have a question about something"];

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
  await seedTeams();
  await publishFixtureFlow("kb-test");
  const { id } = await startConversation("kb-test");
  conversation = await db.conversation.findUniqueOrThrow({ where: { id }, select: { id: true, flowId: true } });
  // Once each, 2 days ago and a little earlier in turn: equal counts fall back to the newest first.
  for (const [i, question] of ONCE.entries()) await askedWithoutAnswer(question, 2 + i * 0.05);
  await askedWithoutAnswer(STALE, 20, 6);
  await askedWithoutAnswer(FRESH, 1, 3);
  await askedWithoutAnswer(SHORT[0], 0.5, 9);
  await askedWithoutAnswer(SHORT[1], 0.6, 4);
  await askedWithoutAnswer(SHORT[2], 3, 7);
  // Outside the 30-day window: not listed at all.
  await askedWithoutAnswer("Do you still sell the old catalogue?", 31, 5);
});

describe("the KB page's short list", () => {
  it("puts this week's most asked first, links to all of them and counts the short replies apart", async () => {
    const { unanswered } = await listRoute.loader(args(getRequest("/kb", adminCookie)));
    // The stale question was asked more often (6) than the fresh one (3), but not in the last 7 days.
    expect(unanswered.questions.map((item) => item.question)).toEqual([FRESH, ...ONCE.slice(0, 4)]);
    expect(unanswered).toMatchObject({ total: 14, shortHidden: 3 });
    expect(unanswered.questions[0]).toMatchObject({ count: 3, recentCount: 3, shortReply: false });
  });
});

describe("the full list", () => {
  it("has every question of the window, most asked first, a page at a time", async () => {
    const first = await fullRoute.loader(args(getRequest("/kb/unanswered", adminCookie)));
    expect(first).toMatchObject({ order: "mostAsked", total: 14, shortHidden: 3, includeShort: false });
    expect(first.questions.map((item) => item.question)).toEqual([STALE, FRESH, ...ONCE]);
    expect(first.questions.map((item) => item.question)).not.toContain("Do you still sell the old catalogue?");

    const paged = await readUnansweredList({ order: "mostAsked", limit: 5, includeShort: false });
    expect(paged.questions).toHaveLength(5);
    expect(paged.total).toBe(14);
  });

  it("orders by newest first on request, and shows the short replies on request", async () => {
    const newest = await fullRoute.loader(args(getRequest("/kb/unanswered?order=newest&short=1", adminCookie)));
    expect(newest.questions.map((item) => item.question)).toEqual([SHORT[0], SHORT[1], FRESH, ...ONCE, SHORT[2], STALE]);
    expect(newest).toMatchObject({ total: 17, shortHidden: 0, includeShort: true });
    expect(newest.questions.filter((item) => item.shortReply).map((item) => item.question).sort()).toEqual([...SHORT].sort());
  });

  it("reads a bad query as the defaults", async () => {
    const page = await fullRoute.loader(args(getRequest("/kb/unanswered?order=loudest&shown=-4&short=yes", adminCookie)));
    expect(page).toMatchObject({ order: "mostAsked", shown: 25, includeShort: false });
  });

  it("is for admins only", async () => {
    const refused = await settle(() => fullRoute.loader(args(getRequest("/kb/unanswered", agentCookie))));
    expect(refused instanceof Response ? refused.status : null).toBe(403);
  });

  it("adds a question to an article from the full list, and the question leaves it", async () => {
    const article = await createArticle({ title: "Returns", body: "You have 30 days to return an item." });
    if (!article.ok) throw new Error("article not saved");
    const added = unwrap(await settle(() => fullRoute.action(args(formRequest("/kb/unanswered", { intent: "addExampleQuestion", articleId: article.article.id, question: FRESH }, adminCookie)))));
    expect(added).toMatchObject({ status: 200, data: { ok: true, question: FRESH, alreadyThere: false } });
    expect((await getArticle(article.article.id))?.questions).toEqual([FRESH]);
    expect((await listUnansweredQuestions()).map((item) => item.question)).not.toContain(FRESH);
  });
});
