/**
 * Saving a person's row on /teams by keyboard keeps focus on that row's Save button. The table
 * keys each row by its saved values (so a save shows what was stored), which replaced the row and
 * the focused button with it: focus fell to <body> and the next Tab started from the top.
 */
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

describe("saving a person on /teams", () => {
  it("keeps focus on the row's Save button after the row is saved", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@baton.local");
    await e2e.goto("/teams");
    await page.getByLabel("Open conversations Ana Agent can hold at once").fill("7");
    await page.getByRole("button", { name: "Save Ana Agent" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Changes saved").waitFor();
    await expect.poll(async () => (await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { capacity: true } })).capacity).toBe(7);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName)).toBe("Save Ana Agent");
    await expect(page.getByLabel("Open conversations Ana Agent can hold at once").inputValue()).resolves.toBe("7");
    // The next Tab goes on along the row (its "…" menu), not back to the skip link.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.closest("tr")?.textContent?.includes("ana@baton.local") ?? false)).resolves.toBe(true);
    await snap(page);
  });
});
