/**
 * The Save (and Try it) buttons of the account, branding and knowledge-base Try it pages keep
 * keyboard focus through the save: they used to be `disabled` while the request was on its way,
 * and a focused button that becomes disabled drops focus to <body>, so the next Tab started again
 * from the skip link at the top of the page.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.textContent?.trim() ?? "" : document.activeElement?.tagName ?? ""));

/** Presses Enter on the button named `name`, waits for `done`, and expects focus still on the button. */
async function pressAndKeepFocus(page: Page, name: string, done: () => Promise<unknown>) {
  await page.getByRole("button", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
  await done();
  await expect.poll(() => focusedText(page)).toBe(name);
  await snap(page);
}

describe("saving by keyboard keeps focus on the button", () => {
  it("on /account, /branding and /kb/try", async () => {
    const { page } = e2e;
    const { db } = e2e.app;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, "admin@baton.local");

    await e2e.goto("/account");
    await page.getByLabel("Name", { exact: true }).fill("Ada Lead");
    await pressAndKeepFocus(page, "Save name", () => page.getByRole("status").getByText("Saved.").waitFor());
    await expect(db.user.findUniqueOrThrow({ where: { email: "admin@baton.local" }, select: { name: true } })).resolves.toEqual({ name: "Ada Lead" });

    await e2e.goto("/branding");
    await page.getByLabel("Bot name", { exact: true }).fill("Thread bot");
    await pressAndKeepFocus(page, "Save branding", () => expect.poll(() => page.getByRole("status").count()).toBeGreaterThan(0));

    await e2e.goto("/kb/try");
    await page.getByLabel("Customer question").fill("how do gift cards work?");
    await pressAndKeepFocus(page, "Try it", () => page.waitForURL((url) => url.searchParams.get("q") === "how do gift cards work?"));
  });
});
