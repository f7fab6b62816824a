/**
 * Saving a person's row, or a team's queue settings, on /teams by keyboard keeps focus on that
 * Save button. Both are keyed by their saved values (so a save shows what was stored), which
 * replaced the form and the focused button with it: focus fell to <body> and the next Tab started
 * from the top.
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

  it("keeps focus on a team's queue-settings Save button after it is saved", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@baton.local");
    await e2e.goto("/teams");
    const queue = page.getByRole("form", { name: "Queue settings of Billing" });
    await queue.getByLabel("Billing first reply target in minutes").fill("45");
    await queue.getByRole("button", { name: "Save" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await e2e.app.db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { slaMinutes: true } })).slaMinutes).toBe(45);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("form")?.getAttribute("aria-label") ?? document.activeElement?.tagName)).toBe("Queue settings of Billing");
    await expect(queue.getByLabel("Billing first reply target in minutes").inputValue()).resolves.toBe("45");
    await snap(page);
  });

  it("keeps focus on Add team after a team is added from the keyboard, with the form empty again", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@baton.local");
    await e2e.goto("/teams");
    const add = page.getByRole("form", { name: "Add a team" });
    await add.getByLabel("Team name").fill("Sales");
    await add.getByLabel("Team name").press("Enter");
    await page.getByRole("form", { name: "Queue settings of Sales" }).waitFor();
    await expect(e2e.app.db.team.count({ where: { slug: "sales" } })).resolves.toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("form")?.getAttribute("aria-label") ?? document.activeElement?.tagName)).toBe("Add a team");
    await expect(add.getByLabel("Team name").inputValue()).resolves.toBe("");
    await snap(page);
  });

  it("does not move focus to a row whose save was refused when that row is redrawn later", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    const ana = await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } });
    await e2e.app.db.team.create({ data: { slug: "temp", name: "Temp", memberships: { create: { userId: ana.id } } } });
    await signIn(page, "admin@baton.local");
    await e2e.goto("/teams");
    // Refused: too many conversations. The row stays as it was (it is not replaced).
    await page.getByLabel("Open conversations Ana Agent can hold at once").fill("500");
    await page.getByRole("button", { name: "Save Ana Agent" }).click();
    await expect.poll(() => page.getByLabel("Open conversations Ana Agent can hold at once").getAttribute("aria-invalid")).toBe("true");
    // Removing Temp redraws Ana's row (her teams changed); focus, gone with Temp's Remove button, is the admin's to place.
    await page.getByRole("button", { name: "Remove team Temp" }).click();
    await page.getByText("Team removed").waitFor();
    await expect.poll(() => e2e.app.db.membership.count({ where: { userId: ana.id, team: { slug: "temp" } } })).toBe(0);
    await page.getByRole("form", { name: "Queue settings of Temp" }).waitFor({ state: "detached" });
    // The redrawn row's mount effects have run by the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName)).resolves.not.toBe("Save Ana Agent");
    await snap(page);
  });
});
