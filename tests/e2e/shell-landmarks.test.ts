/**
 * The signed-in shell for keyboard and screen-reader users: every page has one main landmark (a
 * screen reader's "jump to main" lands on the page, not the sidebar), and the first Tab offers
 * "Skip to content", which moves the focus past the sidebar into the page.
 */
import { describe, expect, it } from "vitest";
import { snap, signIn, useE2E } from "./harness";

const e2e = useE2E();

describe("the signed-in shell", () => {
  it("puts each page in one main landmark, and Skip to content moves the focus past the sidebar", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    for (const pathname of ["/flows", "/inbox", "/kb", "/teams"]) {
      await page.goto(pathname);
      const main = page.getByRole("main");
      await expect(main.count()).resolves.toBe(1);
      // The page's own content is inside it, the sidebar's navigation is not.
      await expect(main.getByRole("navigation", { name: "Main" }).count()).resolves.toBe(0);
      await expect(main.getByRole("heading").first().isVisible()).resolves.toBe(true);
    }

    // A route's error page renders inside the shell's main landmark, not as a second one.
    const missing = await page.goto("/flows/no-such-flow");
    expect(missing?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await expect(page.getByRole("main").count()).resolves.toBe(1);
    await expect(page.getByRole("main").getByRole("heading", { name: "Page not found" }).count()).resolves.toBe(1);
    await snap(page);

    await page.goto("/kb");
    await page.getByRole("heading", { level: 1, name: "Knowledge base" }).waitFor();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip.evaluate((link) => link === document.activeElement)).resolves.toBe(true);
    // Visible while focused, inside the window (a skip link only screen readers could see would fail sighted keyboard users).
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0 && box.width > 0).toBe(true);
    await snap(page);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    // The next Tab lands on the page's first control, not on the sidebar's first link.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest("main")))).resolves.toBe(true);
  });
});
