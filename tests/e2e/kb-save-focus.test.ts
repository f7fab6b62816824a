/**
 * Saving a knowledge-base article by keyboard keeps the lead where they were: focus stays on the
 * Save button they pressed (top or bottom) and the "Saved" notice is announced. The buttons used
 * to be `disabled` while saving, and a focused button that becomes disabled drops focus to <body>:
 * the next Tab started again from the skip link.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { openGiftCardsArticle } from "./kb-helpers";

const e2e = useE2E();

const focusedButton = (page: Page) => page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent?.trim() ?? "" : document.activeElement?.tagName ?? ""));

describe("saving an article", () => {
  it("keeps focus on the Save button pressed, top and bottom, and says it saved", async () => {
    const { page } = e2e;
    await openGiftCardsArticle(e2e);
    const { db } = e2e.app;
    const before = await db.article.findFirstOrThrow({ where: { title: "Gift cards" }, select: { id: true, updatedAt: true } });

    await page.getByLabel("Tags", { exact: true }).fill("payments, gift cards");
    await page.getByRole("button", { name: "Save", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Saved. The bot answers from this version now.").waitFor();
    await expect.poll(async () => (await db.article.findUniqueOrThrow({ where: { id: before.id }, select: { updatedAt: true } })).updatedAt > before.updatedAt).toBe(true);
    await expect.poll(() => focusedButton(page)).toBe("Save");
    // A Tab from there goes on to the next control, not back to the top of the page.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.closest(".kb-page") !== null)).resolves.toBe(true);
    await snap(page);

    await page.getByLabel("Tags", { exact: true }).fill("payments, gift cards, vouchers");
    await page.getByRole("button", { name: "Save changes" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => db.article.findUniqueOrThrow({ where: { id: before.id }, select: { tags: true } }).then((row) => JSON.stringify(row.tags))).toContain("vouchers");
    await expect.poll(() => focusedButton(page)).toBe("Save changes");
    await snap(page);
  });
});
