/**
 * "Try it" with OpenAI configured, in Chromium: the app runs with OPENAI_API_KEY and
 * OPENAI_BASE_URL pointing at the local fake OpenAI server, so both engines answer side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAIServer, type ChatRequest, type FakeOpenAIServer } from "../support/fake-openai-server";
import { signIn, snap, useE2E } from "./harness";

let server: FakeOpenAIServer;
const env: Record<string, string> = {};

// Registered before useE2E's hooks, so the app starts with the fake server's address.
beforeAll(async () => {
  server = await startFakeOpenAIServer();
  Object.assign(env, { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "gpt-4o-mini" });
});
const e2e = useE2E({ env });
afterAll(() => server?.close());

/** The article ids the app put in the grounded-answer prompt, best first. */
function promptArticleIds(request: ChatRequest): string[] {
  const json = request.messages[0].content.split("Articles (JSON):\n")[1] ?? "[]";
  return (JSON.parse(json) as Array<{ id: string }>).map((article) => article.id);
}

async function tryQuestion(question: string) {
  const { page } = e2e;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "admin@baton.local");
  // Right after a start the articles are still being read for their meaning. On words alone a
  // confidence rarely reaches the default minScore, so the local engine would offer articles and
  // OpenAI would not be asked: ask until the ranking has its sentence vectors.
  const url = `/kb/try?${new URLSearchParams({ q: question })}`;
  await expect.poll(async () => (await (await page.request.get(url)).text()).includes("Ranked on words alone for now."), { timeout: 100_000, interval: 2_000 }).toBe(false);
  await e2e.goto("/kb/try");
  await page.getByLabel("Customer question").fill(question);
  await page.getByRole("button", { name: "Try it" }).click();
  await page.getByRole("region", { name: "Local engine answer" }).locator(".kb-answer").waitFor();
  return page.getByRole("region", { name: "OpenAI answer" });
}

describe("Try it with OpenAI configured", () => {
  it("shows the OpenAI answer beside the local one", async () => {
    server.setHandler((request) =>
      request.response_format?.json_schema?.name === "grounded_answer"
        ? { content: JSON.stringify({ answer: "Gift cards never expire, and there are no fees to use them.", citations: promptArticleIds(request).slice(0, 1) }) }
        : { status: 500, error: "unexpected request" },
    );
    const openai = await tryQuestion("do gift cards expire?");
    await openai.getByText("Gift cards never expire, and there are no fees to use them.").waitFor();
    await expect(openai.getByRole("heading", { name: "OpenAI" }).isVisible()).resolves.toBe(true);
    await expect(openai.getByText("gpt-4o-mini: writes an answer grounded in the top articles").isVisible()).resolves.toBe(true);
    await expect(openai.getByRole("link", { name: "Gift cards" }).isVisible()).resolves.toBe(true);
    await snap(e2e.page);
  }, 120_000);

  it("says plainly when OpenAI failed and which answer the bot would send instead", async () => {
    server.setHandler(() => ({ status: 503, error: "overloaded" }));
    const openai = await tryQuestion("do gift cards expire?");
    await expect(openai.locator(".kb-engine-warning").innerText()).resolves.toMatch(/OpenAI did not answer \(.*503.*\)\. In a conversation the local answer below would be sent instead\./);
    await snap(e2e.page);
  }, 120_000);
});
