/**
 * Waits until the app ranks knowledge-base articles by meaning. Right after a start it is still
 * embedding the demo articles and ranks on words alone, where even a question that is an article's
 * title ("How do I reset my password?", "How much does shipping cost?") scores 0.72 since the
 * 2026-12-07 05:19 refit, under the starter flows' minScore: a test that needs the bot to ANSWER waits
 * for the vectors (then those questions score 0.86–0.96) instead of racing them.
 */
import type { Browser } from "playwright-core";
import { signIn } from "./harness";

export async function untilArticlesAreReadForMeaning(browser: Browser, baseUrl: string): Promise<void> {
  // Its own context, without screenshots: the test's pages keep their cookies and their shot numbering.
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await signIn(page, "admin@baton.local");
    const url = `/kb/try?${new URLSearchParams({ q: "how do I reset my password" })}`;
    // A loop, not expect.poll: this runs in beforeAll, outside any test.
    const deadline = Date.now() + 110_000;
    while ((await (await page.request.get(url)).text()).includes("Ranked on words alone for now.")) {
      if (Date.now() > deadline) throw new Error("the app still ranks on words alone 110 s after its start");
      await page.waitForTimeout(1_000);
    }
  } finally {
    await context.close();
  }
}
