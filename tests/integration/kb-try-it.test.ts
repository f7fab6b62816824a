/**
 * "Try it" with the local engine only (no OPENAI_API_KEY): the articles retrieval finds, the
 * answer the bot would give under a flow's KB-node settings, and nothing recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "~/kb/articles.server";
import { DEFAULT_MIN_SCORE } from "~/nodes/kb/schema";
import { tryQuestion } from "~/kb/try-it.server";
import * as tryRoute from "~/routes/_app.kb.try";
import { db } from "~/utils/db.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { getRequest, seedAndFind, sessionCookieFor, settle } from "../support/auth";
import { seedTeams } from "../support/chat-api";

let adminCookie: string;
const tryIt = (query: string, cookie = adminCookie) => settle(() => tryRoute.loader({ request: getRequest(`/kb/try${query}`, cookie), params: {}, context: {} }));

beforeAll(async () => {
  delete process.env.OPENAI_API_KEY;
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  await seedTeams();
  await seedStarterFlows(db);
  await createArticle({ title: "Gift cards", body: "Gift cards never expire and have no fees.\n\nYou can spend them online or in any store.", tags: ["billing"] });
  await createArticle({ title: "Shipping costs", body: "Standard shipping costs $8. Orders over $75 ship free.", tags: ["shipping"] });
  await createArticle({ title: "Secret sale", body: "Gift cards are 20% off for members.", tags: ["billing"], status: "draft" });
});

describe("Try it", () => {
  it("lists the whole knowledge base and every KB node of the published flows as settings", async () => {
    const page = (await tryIt("")) as Exclude<Awaited<ReturnType<typeof tryRoute.loader>>, Response>;
    expect(page.result).toBeNull();
    expect(page.scope).toMatchObject({ id: "all", tags: [], minScore: DEFAULT_MIN_SCORE, offerSuggestions: true, locale: null });
    expect(page.scopes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "store-support/shipping-kb", flowName: "Store support", nodeId: "shipping-kb", tags: ["shipping"], minScore: 0.74, offerSuggestions: true, locale: "en" }),
        expect.objectContaining({ id: "store-support/refund-kb", tags: ["returns", "refunds"] }),
      ]),
    );
  });

  it("shows the articles with their scores and the local answer, and says OpenAI is not configured", async () => {
    const events = await db.event.count();
    const page = (await tryIt("?q=do+gift+cards+expire")) as Exclude<Awaited<ReturnType<typeof tryRoute.loader>>, Response>;
    const result = page.result!;
    expect(result.retrieved[0]).toMatchObject({ title: "Gift cards", reachesMinScore: true, score: expect.any(Number) });
    expect(result.retrieved[0].score).toBeGreaterThanOrEqual(0.3);
    expect(result.retrieved.map((article) => article.title)).not.toContain("Secret sale");
    expect(result.local).toMatchObject({ error: null, answer: { article: { title: "Gift cards" }, text: "Gift cards never expire and have no fees." } });
    expect(result.openai).toBeNull();
    // This project runs with BATON_SEMANTIC_SEARCH=off: the page says the ranking is on words alone.
    expect(result.wordsOnly).toBe("unavailable");
    expect(await db.event.count()).toBe(events);
  });

  it("answers like a flow's KB node: only its tags, and no answer below its minimum score", async () => {
    const scoped = (await tryIt("?q=do+gift+cards+expire&scope=store-support/shipping-kb")) as Exclude<Awaited<ReturnType<typeof tryRoute.loader>>, Response>;
    expect(scoped.scope.id).toBe("store-support/shipping-kb");
    expect(scoped.result!.retrieved.map((article) => article.title)).not.toContain("Gift cards");
    expect(scoped.result!.local.answer).toBeNull();

    const unknown = (await tryIt("?q=shipping+costs&scope=nope/nope")) as Exclude<Awaited<ReturnType<typeof tryRoute.loader>>, Response>;
    expect(unknown.scope.id).toBe("all");
    expect(unknown.result!.local.answer).toMatchObject({ article: { title: "Shipping costs" } });
  });

  it("below the minimum shows the articles the KB step would offer the customer, in its words, rather than only “no answer”", async () => {
    await createArticle({ title: "Express delivery", body: "Express delivery arrives in 1-2 days and costs $15.", tags: ["shipping"] });
    await createArticle({ title: "International shipping", body: "We ship to 30 countries. Delivery takes 7-14 days; duties are paid on arrival.", tags: ["shipping"] });
    await createArticle({ title: "Tracking a parcel", body: "Every parcel has a tracking link in the shipping email. Delivery updates appear within a day.", tags: ["shipping"] });
    const events = await db.event.count();
    const page = (await tryIt("?q=parcel+shipping+days")) as Exclude<Awaited<ReturnType<typeof tryRoute.loader>>, Response>;
    const { local, retrieved, wordsOnly } = page.result!;
    expect(local.answer).toBeNull();
    // On words alone only the first article's confidence is calibrated for its place: the others are listed without one.
    expect(wordsOnly).toBe("unavailable");
    expect(retrieved.length).toBeGreaterThan(1);
    expect(retrieved[0].score).toEqual(expect.any(Number));
    expect(retrieved.slice(1)).toEqual(retrieved.slice(1).map((article) => expect.objectContaining({ id: article.id, score: null, reachesMinScore: false })));
    expect(local.offer).toMatchObject({ text: "These articles might help. Which one fits your question?", none: "None of these" });
    const offered = local.offer!.articles;
    expect(offered.map((article) => article.title)).toContain("Tracking a parcel");
    expect(offered.length).toBeLessThanOrEqual(3);
    // Words alone: the first offered article carries its figure, the others none (listOfferedArticles).
    expect(offered[0].confidence).toBeLessThan(DEFAULT_MIN_SCORE);
    expect(offered.slice(1).map((article) => article.confidence)).toEqual(offered.slice(1).map(() => null));
    for (const article of offered) {
      // What picking it answers with: a passage of that article.
      expect(article.text.length).toBeGreaterThan(0);
    }
    expect(await db.event.count()).toBe(events);

    // In the flow's language, and only when the step offers articles at all.
    const spanish = await tryQuestion("parcel shipping days", { ...page.scope, locale: "es" });
    expect(spanish.local.offer).toMatchObject({ text: "Estos artículos podrían ayudarte. ¿Cuál responde a tu pregunta?", none: "Ninguno de estos" });
    const withoutOffer = await tryQuestion("parcel shipping days", { ...page.scope, offerSuggestions: false });
    expect(withoutOffer.local).toMatchObject({ answer: null, offer: null, error: null });
  });

  it("is for admins only", async () => {
    const agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
    expect(((await tryIt("?q=gift", agentCookie)) as Response).status).toBe(403);
  });
});
