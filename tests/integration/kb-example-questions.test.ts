/**
 * The support lead's loop, end to end on the server: a question the bot couldn't answer (the
 * customer picked a suggested article) → "Add to an article…" on the KB list → the question is an
 * example question of that article, the row leaves the list, and the same question asked again
 * is answered from that article by the local engine at the kb node's default minimum, on the real
 * retrieval path with the real sentence encoder (this file turns semantic search on). Bad input,
 * an agent, or a request from another site changes nothing.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getKnowledgeRetrievers } from "~/engines/index.server";
import { getKnowledgeIndex } from "~/engines/knowledge-store.server";
import { createArticle, getArticle, type SaveResult } from "~/kb/articles.server";
import { importSourceFiles } from "~/kb/import.server";
import { DEFAULT_MIN_SCORE } from "~/nodes/kb/schema";
import * as listRoute from "~/routes/_app.kb._index";
import * as tryRoute from "~/routes/_app.kb.try";
import { db } from "~/utils/db.server";
import { formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";
import { publishFixtureFlow, seedTeams, startConversation } from "../support/chat-api";

vi.hoisted(() => {
  // The integration projects rank on words alone; this file is about example questions as sentence vectors.
  process.env.BATON_SEMANTIC_SEARCH = "on";
});

const QUESTION = "has my money been sent back to me yet?";
const args = (request: Request) => ({ request, params: {}, context: {} });

function saved(result: SaveResult | null) {
  if (!result?.ok) throw new Error(`expected a saved article, got ${JSON.stringify(result)}`);
  return result.article;
}

let adminCookie: string;
let agentCookie: string;
let status: { id: string; title: string };
let methods: { id: string };

async function answer(query: string) {
  const index = await getKnowledgeIndex();
  await index.whenEmbedded();
  // Ranked with sentence vectors, not on words alone.
  expect(await index.similarities(query, index.ids())).not.toBeNull();
  return getKnowledgeRetrievers().local.answer({ query, minScore: DEFAULT_MIN_SCORE });
}

const addRequest = (fields: Record<string, string>, cookie = adminCookie, headers: Record<string, string> = {}) =>
  settle(() => listRoute.action(args(formRequest("/kb?index", { intent: "addExampleQuestion", ...fields }, cookie, headers))));

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
  await seedTeams();
  await publishFixtureFlow("kb-test");
  methods = saved(await createArticle({ title: "Refund methods", body: "Refunds go back to the card you paid with. Card refunds take 5 to 10 business days to show on your statement." }));
  saved(await createArticle({ title: "Store credit refunds", body: "You can choose store credit instead of a card refund. Store credit arrives in your account at once." }));
  status = saved(await createArticle({ title: "Checking a refund", body: "Your orders page shows where each refund is. A refund is sent once the return reaches our warehouse." }));
  saved(await createArticle({ title: "Gift cards", body: "Gift cards never expire and have no fees." }));
  saved(await createArticle({ title: "Shipping costs", body: "Standard shipping costs $8. Orders over $75 ship free." }));
  // A customer asked, was offered articles and picked "Checking a refund".
  const { id } = await startConversation("kb-test");
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id }, select: { flowId: true } });
  await db.event.create({
    data: { conversationId: id, flowId: conversation.flowId, type: "kb.answered", payload: JSON.stringify({ articleId: status.id, slug: "checking-a-refund", title: status.title, score: 0.4, query: QUESTION, picked: true }) },
  });
});

describe("adding a question the bot couldn't answer to an article", () => {
  it("lists the question with the article the customer picked, and the bot does not answer it from that article yet", async () => {
    const list = await listRoute.loader(args(getRequest("/kb", adminCookie)));
    expect(list.unanswered.questions).toContainEqual(expect.objectContaining({ question: QUESTION, reasons: ["customerPicked"], pickedArticleId: status.id }));
    const before = await answer(QUESTION);
    expect(before?.article.id === status.id).toBe(false);
  });

  it("refuses bad input, agents and other sites, changing nothing", async () => {
    const cases = [
      await addRequest({ question: QUESTION, articleId: "" }),
      await addRequest({ question: "", articleId: status.id }),
      await addRequest({ question: "x".repeat(201), articleId: status.id }),
      await addRequest({ question: QUESTION, articleId: "no-such-article" }),
      await addRequest({ question: QUESTION, articleId: status.id }, agentCookie),
      await addRequest({ question: QUESTION, articleId: status.id }, adminCookie, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
    ];
    const statuses = cases.map((result) => (result instanceof Response ? result.status : unwrap(result).status));
    expect(statuses).toEqual([400, 400, 400, 404, 403, 403]);
    expect(unwrap(cases[0]).data).toMatchObject({ ok: false, message: "Choose the article that answers the question." });
    expect((await getArticle(status.id))!.questions).toEqual([]);
  });

  it("makes it an example question: a new revision, the row leaves the list, and the question is answered from that article", async () => {
    const added = unwrap(await addRequest({ question: `  ${QUESTION}  `, articleId: status.id }));
    expect(added).toEqual({ status: 200, data: { ok: true, article: { id: status.id, title: "Checking a refund", status: "published" }, question: QUESTION, alreadyThere: false } });
    expect((await getArticle(status.id))!.questions).toEqual([QUESTION]);
    const list = await listRoute.loader(args(getRequest("/kb", adminCookie)));
    expect(list.unanswered.questions.map((item) => item.question)).not.toContain(QUESTION);

    // Asked again, in other words too: answered from the article at the kb node's default minimum.
    for (const query of [QUESTION, "Has my money been sent back yet"]) {
      const after = await answer(query);
      expect(after).toMatchObject({ article: { id: status.id } });
      expect(after!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    }
    // Try it names the example question that drove the match.
    const page = (await settle(() => tryRoute.loader(args(getRequest(`/kb/try?q=${encodeURIComponent(QUESTION)}`, adminCookie))))) as Exclude<Awaited<ReturnType<typeof tryRoute.loader>>, Response>;
    expect(page.result!.retrieved[0]).toMatchObject({ id: status.id, matchedExample: QUESTION });
    expect(page.result!.retrieved.find((article) => article.id === methods.id)?.matchedExample).toBeUndefined();

    // Adding it again (any case) keeps one copy.
    const again = unwrap(await addRequest({ question: QUESTION.toUpperCase(), articleId: status.id }));
    expect(again.data).toMatchObject({ ok: true, alreadyThere: true });
    expect((await getArticle(status.id))!.questions).toEqual([QUESTION]);
  });

  it("an import replaces an article's example questions when the file gives them, and keeps them when it does not", async () => {
    const file = (front: string) => ({ name: "coupons.md", text: `---\ntitle: Coupons\n${front}---\nOne coupon per order.\n` });
    expect(await importSourceFiles([file("questions:\n  - can I stack two coupons?\n")])).toMatchObject({ ok: true, created: ["coupons"] });
    expect((await getArticle("coupons"))!.questions).toEqual(["can I stack two coupons?"]);
    // The lead adds one from the list; re-importing the same file without questions keeps both.
    const coupons = (await getArticle("coupons"))!;
    expect(unwrap(await addRequest({ question: "two discount codes at once", articleId: coupons.id })).data).toMatchObject({ ok: true });
    expect(await importSourceFiles([file("")])).toMatchObject({ ok: true, updated: ["coupons"] });
    expect((await getArticle("coupons"))!.questions).toEqual(["can I stack two coupons?", "two discount codes at once"]);
    expect(await importSourceFiles([file("questions: []\n")])).toMatchObject({ ok: true, updated: ["coupons"] });
    expect((await getArticle("coupons"))!.questions).toEqual([]);
  });
});
