/**
 * What every "are you sure?" dialog (app/components/confirm-dialog.tsx) owes a keyboard and
 * screen-reader user, checked the same way on each page that has one.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Opens the dialog with the keyboard from `opener` and checks it: named by its title, described
 * by its text, Cancel focused, Tab never leaves it, Escape closes it with nothing changed and
 * focus back on the opener. Leaves it closed.
 */
export async function checkConfirmDialogKeyboard(page: Page, opener: Locator, dialog: Locator, text: string | RegExp): Promise<void> {
  await opener.focus();
  await page.keyboard.press("Enter");
  await dialog.waitFor();
  const description = await dialog.evaluate((element) => document.getElementById(element.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
  expect(description).toMatch(text);
  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? "");
  await expect.poll(focusedName).toBe("Cancel");
  // Past the last button and round again: focus stays on the dialog's own controls.
  for (let press = 0; press < 4; press += 1) {
    await page.keyboard.press("Tab");
    await expect(dialog.evaluate((element) => element.contains(document.activeElement))).resolves.toBe(true);
  }
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => opener.evaluate((element) => element === document.activeElement)).toBe(true);
}
