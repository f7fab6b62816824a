/**
 * "Try it" with OPENAI_API_KEY set, against the local fake OpenAI server: the grounded answer
 * beside the local one, and a plain fallback notice when the API fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "~/kb/articles.server";
import * as tryRoute from "~/routes/_app.kb.try";
import { getRequest, seedAndFind, sessionCookieFor } from "../support/auth";
import { startFakeOpenAIServer, type ChatRequest, type FakeOpenAIServer } from "../support/fake-openai-server";

let server: FakeOpenAIServer;
let adminCookie: string;

const tryIt = async (question: string) => {
  const page = await tryRoute.loader({ request: getRequest(`/kb/try?q=${encodeURIComponent(question)}`, adminCookie), params: {}, context: {} });
  return page.result!;
};

/** The article ids the server put in the grounded-answer prompt. */
function promptArticleIds(request: ChatRequest): string[] {
  const json = request.messages[0].content.split("Articles (JSON):\n")[1];
  return (JSON.parse(json) as Array<{ id: string }>).map((article) => article.id);
}

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  // Read once, on the first engine use below.
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = server.baseURL;
  process.env.OPENAI_MODEL = "gpt-test";
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  await createArticle({ title: "Gift cards", body: "Gift cards never expire and have no fees.", tags: ["billing"] });
});

afterAll(async () => {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  delete process.env.OPENAI_MODEL;
  await server.close();
});

describe("Try it with OpenAI configured", () => {
  it("shows OpenAI's grounded answer beside the local one", async () => {
    server.setHandler((request) => ({ content: JSON.stringify({ answer: "No — our gift cards never expire.", citations: promptArticleIds(request).slice(0, 1) }) }));
    const result = await tryIt("do gift cards expire?");
    expect(result.local.answer).toMatchObject({ text: "Gift cards never expire and have no fees." });
    expect(result.openai).toMatchObject({ model: "gpt-test", error: null, answer: { text: "No — our gift cards never expire.", article: { title: "Gift cards" } } });
    expect(result.openai!.answer!.fallback).toBeUndefined();
  });

  it("says when OpenAI failed and the bot would fall back to the local answer", async () => {
    server.setHandler(() => ({ status: 503, error: "overloaded" }));
    const result = await tryIt("do gift cards expire?");
    expect(result.openai!.answer).toMatchObject({ text: "Gift cards never expire and have no fees.", fallback: { engine: "openai", error: expect.stringContaining("503") } });
  });
});
