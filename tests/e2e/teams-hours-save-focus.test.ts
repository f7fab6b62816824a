/**
 * Saving a team's business hours on /teams keeps the admin where they were: the team's section
 * stays open, focus stays on its Save button and "Saved." shows beside it. The form is keyed by
 * the stored hours, so a save replaced it with a new, closed <details>: focus fell to <body> and
 * the only confirmation was the notice at the top of the page, out of view.
 */
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

describe("saving business hours", () => {
  it("keeps the team's hours open with focus on its Save button and says Saved beside it", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "admin@baton.local");
    await e2e.goto("/teams");
    const card = page.getByRole("region", { name: "Business hours" });
    await card.locator("summary", { hasText: "Billing" }).click();
    const form = page.getByRole("form", { name: "Business hours of Billing" });
    await form.getByLabel("Time zone").fill("Europe/Lisbon");
    const save = form.getByRole("button", { name: "Save hours of Billing" });
    await save.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Business hours saved").waitFor();
    await expect.poll(async () => (await e2e.app.db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { timeZone: true } })).timeZone).toBe("Europe/Lisbon");

    await expect.poll(() => form.isVisible()).toBe(true);
    await expect(form.getByLabel("Time zone").inputValue()).resolves.toBe("Europe/Lisbon");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "")).toBe("Save hours of Billing");
    await form.getByText("Saved.", { exact: true }).waitFor();
    // The other team's hours were not opened by it.
    await expect(page.getByRole("form", { name: "Business hours of Support" }).isVisible()).resolves.toBe(false);
    await snap(page);
  });
});
