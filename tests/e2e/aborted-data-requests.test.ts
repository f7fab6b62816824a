/**
 * A page's data request cut short by navigating is no error. One the browser gives up on (rapid
 * navigation cancels it at the network level, so it fails as "Failed to fetch" with the router's
 * own signal never aborted) is read again instead of showing the error page; a request that keeps
 * failing still shows it, and logs. These failures are made by Playwright aborting the page's
 * single-fetch request (/kb.data). One the router aborts while its body is still arriving (a
 * slow network, the agent clicks on) is dropped without a word in the console.
 */
import type { Page, Request } from "playwright-core";
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

describe("a page's data request cut short", () => {
  it("by the browser is read again: the page shows, not the error page, and nothing is logged", async () => {
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

  it("every time shows the error page after the retries, and logs the failure", async () => {
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
      expect(agent.errors.some((line) => line.startsWith("console.error: TypeError: Failed to fetch"))).toBe(true);
    } finally {
      await agent.close();
    }
  });

  it("by the router while its body is still arriving logs nothing and the next page shows", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    const nav = page.getByRole("navigation", { name: "Main" });
    // Both pages once at full speed, so their code is loaded and only their data is slow below.
    for (const [link, heading] of [["Teams", "Teams & people"], ["Knowledge", "Knowledge base"], ["Flows", "Flows"]]) {
      await nav.getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    // A slow line: the knowledge base's data arrives over seconds, its headers first.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: 4_000, uploadThroughput: -1 });
    const isKbData = (request: Request) => new URL(request.url()).pathname === "/kb.data";
    const ends: string[] = [];
    page.on("requestfinished", (request) => isKbData(request) && ends.push("finished"));
    page.on("requestfailed", (request) => isKbData(request) && ends.push("failed"));
    const headers = page.waitForResponse((response) => isKbData(response.request()));
    await nav.getByRole("link", { name: "Knowledge" }).click();
    await headers;
    await nav.getByRole("link", { name: "Teams" }).click(); // the router aborts the knowledge base's request
    await page.getByRole("heading", { level: 1, name: "Teams & people" }).waitFor();
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // It had its headers, and never finished: the abort landed while its body was arriving.
    expect(ends).toContain("failed");
    expect(ends).not.toContain("finished");
    await snap(page);
    // useE2E's check after the test fails it on any console error, Remix's "AbortError: BodyStreamBuffer was aborted" included.
  });
});
