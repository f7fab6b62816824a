/**
 * A page's data request that the browser gives up on (rapid navigation cancels it at the network
 * level, so it fails as "Failed to fetch" with the router's own signal never aborted) is read
 * again instead of showing the error page; a request that keeps failing still shows it, and logs.
 * The failures are made by Playwright aborting the page's single-fetch request (/kb.data).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

/** Aborts the page's data requests to `pathname` (the first `times` of them); returns how many were made. */
async function abortDataRequests(page: Page, pathname: string, times: number): Promise<() => number> {
  let made = 0;
  await page.route(
    (url) => url.pathname === `${pathname}.data`,
    async (route) => {
      made += 1;
      if (made <= times) await route.abort("aborted");
      else await route.continue();
    },
  );
  return () => made;
}

describe("a page's data request the browser aborted", () => {
  it("is read again: the page shows, not the error page, and nothing is logged", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    await page.getByRole("heading", { level: 1, name: "Flows" }).waitFor();
    const made = await abortDataRequests(page, "/kb", 1);
    const errorPages: string[] = [];
    // Any moment the error page is up counts, however short.
    await page.exposeFunction("reportErrorPage", (text: string) => errorPages.push(text));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const shown = document.querySelector(".error-page");
        if (shown) (window as unknown as { reportErrorPage: (text: string) => void }).reportErrorPage(shown.textContent ?? "");
      }).observe(document.body, { childList: true, subtree: true });
    });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Knowledge" }).click();
    await page.getByRole("heading", { level: 1, name: "Knowledge base" }).waitFor();
    expect(made()).toBe(2);
    expect(errorPages).toEqual([]);
    await expect(page.locator(".error-page").count()).resolves.toBe(0);
    await snap(page);
  });

  it("that keeps failing shows the error page after the retries, and logs the failure", async () => {
    const agent = await openPage(e2e.browser, e2e.app.baseUrl, "aborted loader keeps failing");
    try {
      const { page } = agent;
      await signIn(page, "admin@baton.local");
      await page.goto("/flows");
      await page.getByRole("heading", { level: 1, name: "Flows" }).waitFor();
      const made = await abortDataRequests(page, "/kb", Number.POSITIVE_INFINITY);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Knowledge" }).click();
      await page.getByRole("heading", { name: "Something went wrong" }).waitFor();
      await snap(page);
      expect(made()).toBe(3); // the first request and two retries
      expect(agent.errors.some((line) => line.includes("Failed to fetch"))).toBe(true);
    } finally {
      await agent.close();
    }
  });
});
