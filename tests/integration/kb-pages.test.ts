/**
 * The knowledge base admin pages through their real route modules and the real database: the
 * list with its search, create / edit / delete with their errors, and the guards.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getKnowledgeIndex } from "~/engines/knowledge-store.server";
import { createArticle, getArticle, type SaveResult } from "~/kb/articles.server";
import * as articleRoute from "~/routes/_app.kb.$articleId";
import * as listRoute from "~/routes/_app.kb._index";
import * as newRoute from "~/routes/_app.kb.new";
import { db } from "~/utils/db.server";
import { formRequest, getRequest, settle, unwrap } from "../support/auth";
import { demoCookies, emptyKnowledgeBase } from "../support/kb";

let adminCookie: string;
let agentCookie: string;
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

function saved(result: SaveResult | null) {
  if (!result?.ok) throw new Error(`expected a saved article, got ${JSON.stringify(result)}`);
  return result.article;
}

async function list(query = "") {
  return listRoute.loader(args(getRequest(`/kb${query}`, adminCookie)));
}

async function create(fields: Record<string, string>, cookie = adminCookie) {
  return settle(() => newRoute.action(args(formRequest("/kb/new", fields, cookie))));
}

async function edit(articleId: string, fields: Record<string, string>, cookie = adminCookie) {
  return settle(() => articleRoute.action(args(formRequest(`/kb/${articleId}`, fields, cookie), { articleId })));
}

beforeAll(async () => {
  ({ admin: adminCookie, agent: agentCookie } = await demoCookies());
});

beforeEach(emptyKnowledgeBase);

describe("guards", () => {
  it("answers an agent with 403 on every page and form, and writes nothing", async () => {
    const article = saved(await createArticle({ title: "Gift cards", body: "They never expire." }));
    const pages: Array<() => Promise<unknown>> = [
      () => listRoute.loader(args(getRequest("/kb", agentCookie))),
      () => newRoute.loader(args(getRequest("/kb/new", agentCookie))),
      () => articleRoute.loader(args(getRequest(`/kb/${article.id}`, agentCookie), { articleId: article.id })),
    ];
    for (const run of pages) {
      expect(((await settle(run)) as Response).status).toBe(403);
    }
    expect(((await create({ title: "Sneaky", body: "x" }, agentCookie)) as Response).status).toBe(403);
    expect(((await edit(article.id, { intent: "delete" }, agentCookie)) as Response).status).toBe(403);
    expect(await db.article.count()).toBe(1);
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const response = (await settle(() => listRoute.loader(args(getRequest("/kb"))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fkb");
  });
});

describe("the list", () => {
  beforeEach(async () => {
    saved(await createArticle({ title: "Gift cards", body: "Gift cards never expire and have no fees.", tags: ["billing", "promotions"] }));
    saved(await createArticle({ title: "Return labels", body: "Print the prepaid label from your order page. Labels are free.", tags: ["returns"] }));
    saved(await createArticle({ title: "Winter sale", body: "Members see the sale a day early.", tags: ["promotions"], status: "draft" }));
  });

  it("lists every article with tags, status, usage and counts per status", async () => {
    const page = await list();
    expect(page.articles.map((article) => article.title).sort()).toEqual(["Gift cards", "Return labels", "Winter sale"]);
    expect(page.counts).toEqual({ published: 2, draft: 1 });
    expect(page.articles.find((article) => article.title === "Winter sale")).toMatchObject({ status: "draft", tags: ["promotions"], usage: { shown: 0, helpful: 0, notHelpful: 0 } });
    expect(JSON.stringify(page)).not.toContain("never expire");
  });

  it("searches titles, tags and body text; body matches come with a snippet", async () => {
    expect((await list("?q=gift")).articles.map((article) => article.title)).toEqual(["Gift cards"]);
    expect((await list("?q=PROMOTIONS")).articles.map((article) => article.title).sort()).toEqual(["Gift cards", "Winter sale"]);
    const byBody = await list("?q=prepaid%20label");
    expect(byBody.articles).toHaveLength(1);
    expect(byBody.articles[0]).toMatchObject({ title: "Return labels", snippet: expect.stringContaining("prepaid label") });
    expect((await list("?q=gift%20returns")).articles).toEqual([]);
    expect((await list("?q=promotions&status=draft")).articles.map((article) => article.title)).toEqual(["Winter sale"]);
  });

  it("reads a table's cells in a snippet without the Markdown pipes", async () => {
    saved(await createArticle({ title: "Sale dates", body: "Our sales:\n\n| Sale | Starts |\n| --- | :---: |\n| Fall collection | First Monday of September |\n| Holiday guide | Mid-November |" }));
    const [row] = (await list("?q=september")).articles;
    expect(row.snippet).toBe("…sales: Sale · Starts · Fall collection · First Monday of September · Holiday guide · Mid-November");
  });

  it("ranks title matches above articles that only mention the words", async () => {
    saved(await createArticle({ title: "Refunds", body: "Refunds for gift purchases go back to a gift card." }));
    expect((await list("?q=gift")).articles.map((article) => article.title)).toEqual(["Gift cards", "Refunds"]);
  });

  it("reads a bad query string as no filter instead of failing", async () => {
    const page = await list(`?status=archived&q=${"x".repeat(500)}`);
    expect(page.status).toBeNull();
    expect(page.q).toBe("");
    expect(page.articles).toHaveLength(3);
  });
});

describe("creating an article", () => {
  it("creates it, indexes it at once, and opens it", async () => {
    const response = (await create({ title: "Drone delivery", body: "We don't deliver by **drone** yet.\r\nMaybe next year.", tags: "Shipping, drones", status: "published" })) as Response;
    expect(response.status).toBe(302);
    const article = await getArticle("drone-delivery");
    expect(article).toMatchObject({ title: "Drone delivery", body: "We don't deliver by **drone** yet.\nMaybe next year.", tags: ["shipping", "drones"], status: "published" });
    expect(response.headers.get("location")).toBe(`/kb/${article!.id}?saved=created`);
    const index = await getKnowledgeIndex();
    expect(index.query("do you deliver by drone")[0]).toMatchObject({ id: article!.id, title: "Drone delivery" });
  });

  it("refuses bad input with one clear message per field and writes nothing", async () => {
    const result = unwrap(await create({ title: "  ", body: "", tags: `ok, ${"x".repeat(41)}`, status: "archived" }));
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      title: "The title is required",
      body: "The body is required",
      tags: `Tag “${"x".repeat(41)}”: a tag is at most 40 characters`,
      status: expect.stringMatching(/^Invalid option/),
    });
    expect(result.data.input).toMatchObject({ title: "  ", tags: ["ok", "x".repeat(41)] });
    expect(await db.article.count()).toBe(0);
  });

  it("saves a draft, which the bot does not search", async () => {
    await create({ title: "Secret sale", body: "Members get 30% off.", tags: "", status: "draft" });
    expect(await getArticle("secret-sale")).toMatchObject({ status: "draft", tags: [] });
    expect((await getKnowledgeIndex()).query("secret sale members")).toEqual([]);
  });
});

describe("editing and deleting an article", () => {
  it("loads the article with its usage, by id or by slug, and 404s an unknown one", async () => {
    const article = saved(await createArticle({ title: "Gift cards", body: "They never expire." }));
    const page = await articleRoute.loader(args(getRequest(`/kb/${article.id}?saved=created`, adminCookie), { articleId: article.id }));
    expect(page).toMatchObject({ article: { id: article.id, body: "They never expire." }, usage: { shown: 0 }, created: true });
    expect((await articleRoute.loader(args(getRequest("/kb/gift-cards", adminCookie), { articleId: "gift-cards" }))).article.id).toBe(article.id);
    const missing = (await settle(() => articleRoute.loader(args(getRequest("/kb/nope", adminCookie), { articleId: "nope" })))) as Response;
    expect(missing.status).toBe(404);
  });

  it("saves changes, and the bot answers from the new text at once", async () => {
    const article = saved(await createArticle({ title: "Gift cards", body: "They never expire." }));
    const result = unwrap(await edit(article.id, { intent: "save", updatedAt: article.updatedAt.toISOString(), title: "Gift cards and e-gift cards", body: "E-gift cards arrive by email within one hour.", tags: "billing", status: "published" }));
    expect(result).toMatchObject({ status: 200, data: { ok: true, notice: "Saved. The bot answers from this version now." } });
    expect(await getArticle(article.id)).toMatchObject({ slug: "gift-cards", title: "Gift cards and e-gift cards", tags: ["billing"] });
    expect((await getKnowledgeIndex()).query("when does my e-gift card email arrive")[0]).toMatchObject({ id: article.id });
  });

  it("refuses an edit made on an out-of-date copy, so nobody's change is silently lost", async () => {
    const article = saved(await createArticle({ title: "Gift cards", body: "They never expire." }));
    const opened = article.updatedAt.toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(unwrap(await edit(article.id, { intent: "save", updatedAt: opened, title: "First edit", body: "One.", tags: "", status: "published" })).status).toBe(200);
    const stale = unwrap(await edit(article.id, { intent: "save", updatedAt: opened, title: "Second edit", body: "Two.", tags: "", status: "published" }));
    expect(stale).toMatchObject({ status: 409, data: { ok: false, errors: { form: expect.stringContaining("Someone else saved this article") } } });
    expect(await getArticle(article.id)).toMatchObject({ title: "First edit" });
  });

  it("refuses invalid changes field by field and keeps the saved article", async () => {
    const article = saved(await createArticle({ title: "Gift cards", body: "They never expire." }));
    const result = unwrap(await edit(article.id, { intent: "save", updatedAt: article.updatedAt.toISOString(), title: "x".repeat(201), body: " ", tags: "a,b", status: "published" }));
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ title: "The title is at most 200 characters" });
    expect(unwrap(await edit(article.id, { intent: "rename" })).status).toBe(400);
    expect(await getArticle(article.id)).toMatchObject({ title: "Gift cards", body: "They never expire." });
  });

  it("deletes, removes it from the bot's index, and goes back to the list with a notice", async () => {
    const article = saved(await createArticle({ title: "Gift cards", body: "Gift cards never expire." }));
    expect((await getKnowledgeIndex()).query("gift cards expire")).toHaveLength(1);
    const response = (await edit(article.id, { intent: "delete" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/kb?deleted=Gift+cards");
    expect(await getArticle(article.id)).toBeNull();
    expect((await getKnowledgeIndex()).query("gift cards expire")).toEqual([]);
    expect((await list("?deleted=Gift+cards")).deleted).toBe("Gift cards");
    expect(((await edit(article.id, { intent: "delete" })) as Response).status).toBe(404);
  });
});
