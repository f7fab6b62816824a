/**
 * "Saved" is shown where the lead is: beside the Save button they pressed. Saved from the bottom
 * of a long article, the notice used to appear under the page header, scrolled out of view.
 */
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { openGiftCardsArticle } from "./kb-helpers";

const e2e = useE2E();

const inViewport = (element: Locator) =>
  element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe("the Saved notice of an article", () => {
  it("appears beside the Save button pressed, in view and announced, at the bottom of a long article and at the top", async () => {
    const { page } = e2e;
    await openGiftCardsArticle(e2e);
    const saved = "Saved. The bot answers from this version now.";
    const body = page.getByRole("textbox", { name: "Body" });
    const longBody = `${await body.inputValue()}\n\n${Array.from({ length: 60 }, (_, line) => `- Gift card note ${line + 1}`).join("\n")}`;
    await body.fill(longBody);

    // From the bottom: the page is scrolled far below the header.
    const bottomSave = page.getByRole("button", { name: "Save changes" });
    await bottomSave.scrollIntoViewIfNeeded();
    await expect(inViewport(page.getByRole("heading", { level: 1, name: "Gift cards" }))).resolves.toBe(false);
    await bottomSave.click();
    const footer = page.locator(".kb-editor-actions");
    const footerStatus = footer.getByRole("status");
    await footerStatus.getByText(saved).waitFor();
    await expect(inViewport(footerStatus)).resolves.toBe(true);
    // Said once, beside the button: not again under the header, out of view.
    await expect(page.getByText(saved).count()).resolves.toBe(1);
    await expect.poll(async () => (await e2e.app.db.article.findFirstOrThrow({ where: { title: "Gift cards" }, select: { body: true } })).body).toContain("Gift card note 60");
    await snap(page);

    // From the header: the notice is under it, and the bottom one is gone.
    await page.getByLabel("Tags", { exact: true }).fill("payments, gift cards, vouchers");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const headerStatus = page.locator(".kb-page > .notice[role=status]");
    await headerStatus.getByText(saved).waitFor();
    await expect(inViewport(headerStatus)).resolves.toBe(true);
    await expect(footerStatus.textContent()).resolves.toBe("");
    await snap(page);

    // Saved again from the bottom: the text comes back beside that button (a new announcement).
    await page.getByLabel("Tags", { exact: true }).fill("payments, gift cards");
    await bottomSave.scrollIntoViewIfNeeded();
    await bottomSave.click();
    await footerStatus.getByText(saved).waitFor();
    await expect(inViewport(footerStatus)).resolves.toBe(true);
    await expect(headerStatus.count()).resolves.toBe(0);
  });
});
