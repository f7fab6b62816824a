/**
 * Try it when matching by meaning misses the embedding deadline (BATON_EMBEDDING_DEADLINE_MS=0
 * here, so every question not seen before misses it, as on a server whose encoder is loading or
 * busy): the page ranks on words alone, as a customer's turn would, and says so; the question's
 * vector still arrives and is kept, so asking again ranks by meaning. The editor's preview says
 * which of its decisions were made on words alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { untilArticlesAreReadForMeaning } from "./articles-read-for-meaning";
import { openStarterCopy } from "./builder-helpers";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E({ env: { BATON_EMBEDDING_DEADLINE_MS: "0" } });
beforeAll(() => untilArticlesAreReadForMeaning(e2e.browser, e2e.app.baseUrl), 120_000);

describe("Try it with a slow sentence encoder", () => {
  it("says the ranking was on words alone this time, then ranks by meaning once the vector is in", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await e2e.goto(`/kb/try?${new URLSearchParams({ q: "how long does standard shipping take", scope: "store-support/shipping-kb" })}`);
    await page.getByText("Ranked on words alone this time.").waitFor();
    await expect(page.getByText("Matching by meaning did not answer in time").isVisible()).resolves.toBe(true);
    await snap(page);
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole("region", { name: "Local engine answer" }).waitFor();
        return page.getByText("Ranked on words alone").count();
      })
      .toBe(0);
    await snap(page);
  });

  it("the preview says the intent was ranked on words alone", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Slow encoder preview");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const panel = page.locator(".builder-panel");
    await panel.getByText("I'm the Threads & Co. assistant").waitFor();
    const composer = panel.getByRole("textbox", { name: "Message" });
    await composer.fill("how much does shipping cost to my town?");
    await composer.press("Enter");
    const inspector = panel.locator(".preview-inspector");
    await expect.poll(() => inspector.locator(".preview-words-only").count()).toBeGreaterThanOrEqual(1);
    await expect(inspector.textContent()).resolves.toContain("ranked on words alone (matching by meaning was too slow this turn)");
    await snap(page);
  });
});
