/**
 * The lead's list pages on a 390 px phone: the page never scrolls sideways (a wide table scrolls
 * in its card), the header's actions wrap under the title instead of running off the edge, and
 * a question the bot couldn't answer reads across the row with its actions under it.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

// The generated history gives the knowledge base its "Questions the bot couldn't answer".
const e2e = useE2E({ demoHistory: true });
const PHONE = { width: 390, height: 844 };

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not on screen: ${locator}`);
  return box;
}

function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe("the lead's pages on a phone", () => {
  it("fit the width: header actions wrap, tables scroll in their card, unanswered questions stack", async () => {
    const { page } = e2e;
    await page.setViewportSize(PHONE);
    await signIn(page, "admin@baton.local");

    await page.goto("/flows");
    await page.getByRole("link", { name: "Store support" }).first().waitFor();
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    const newFlow = await boxOf(page.getByRole("button", { name: "New flow" }));
    expect(newFlow.x + newFlow.width).toBeLessThanOrEqual(PHONE.width);
    await snap(page);

    await page.goto("/kb");
    const unanswered = page.getByRole("region", { name: "Questions the bot couldn't answer" });
    await unanswered.waitFor();
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    const newArticle = await boxOf(page.getByRole("link", { name: "New article" }));
    expect(newArticle.x + newArticle.width).toBeLessThanOrEqual(PHONE.width);

    const first = unanswered.getByRole("listitem").first();
    const [question, meta, tryIt] = await Promise.all([boxOf(first.locator(".kb-unanswered-question")), boxOf(first.locator(".kb-unanswered-meta")), boxOf(first.getByRole("link", { name: "Try it" }))]);
    // The counts read on a line or two across the card, not a word per line beside the buttons.
    expect(meta.width).toBeGreaterThan(PHONE.width / 2);
    expect(meta.height).toBeLessThan(60);
    // The actions come under the text, never over it.
    expect(tryIt.y).toBeGreaterThanOrEqual(meta.y + meta.height - 1);
    expect(tryIt.y).toBeGreaterThanOrEqual(question.y + question.height - 1);
    await first.scrollIntoViewIfNeeded();
    await snap(page);

    // The full list of them: the order tabs and the rows fit the width too.
    await unanswered.getByRole("link", { name: /^Show all \d+ questions$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Questions the bot couldn't answer" }).waitFor();
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    await snap(page);
  });

  it("the New flow dialog says what each starter handles", async () => {
    const { page } = e2e;
    await page.setViewportSize(PHONE);
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    await page.getByRole("button", { name: "New flow" }).click();
    const dialog = page.getByRole("dialog", { name: "New flow" });
    const storeSupport = dialog.getByRole("radio", { name: /^Store support/ });
    await storeSupport.waitFor();
    // The radio is named by its label: the starter's name and what it does.
    await expect(storeSupport.getAttribute("value")).resolves.toBe("store-support");
    await dialog.getByText("Sorts messages into order status, shipping info, refund and account access;", { exact: false }).waitFor();
    await expect(dialog.getByText("steps to adapt.", { exact: false }).count()).resolves.toBe(3);
    await snap(page);
  });
});
