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

  it("says Saved only beside the team just saved, and keeps an open team open through another save", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "admin@baton.local");
    await e2e.goto("/teams");
    const card = page.getByRole("region", { name: "Business hours" });
    const billing = page.getByRole("form", { name: "Business hours of Billing" });
    const support = page.getByRole("form", { name: "Business hours of Support" });
    await card.locator("summary", { hasText: "Billing" }).click();
    // Not the first test's zone (the database is shared): a changed value, so a saved, new form.
    await billing.getByLabel("Time zone").fill("Europe/Dublin");
    await billing.getByRole("button", { name: "Save hours of Billing" }).click();
    await billing.getByText("Saved.", { exact: true }).waitFor();

    // Then Support's hours: Billing, still open, no longer says Saved.
    await card.locator("summary", { hasText: "Support" }).click();
    await support.getByLabel("Time zone").fill("Europe/Berlin");
    await support.getByRole("button", { name: "Save hours of Support" }).click();
    await expect.poll(async () => (await e2e.app.db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { timeZone: true } })).timeZone).toBe("Europe/Berlin");
    await support.getByText("Saved.", { exact: true }).waitFor();
    await expect(billing.getByText("Saved.", { exact: true }).count()).resolves.toBe(0);

    // Then a person's row, while the admin is editing Billing's hours: Billing stays open.
    await billing.getByLabel("Time zone").fill("Europe/Madrid");
    await page.getByLabel("Open conversations Ana Agent can hold at once").fill("6");
    await page.getByRole("button", { name: "Save Ana Agent" }).click();
    await page.getByText("Changes saved").waitFor();
    await expect.poll(() => billing.isVisible()).toBe(true);
    await expect(billing.getByLabel("Time zone").inputValue()).resolves.toBe("Europe/Madrid");
    await expect(support.getByText("Saved.", { exact: true }).count()).resolves.toBe(0);
    await snap(page);
  });
});
