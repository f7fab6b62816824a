/**
 * The Teams page on a narrow window (600 px, a tablet in portrait) and a phone (390 px): the People
 * and Teams tables stay inside their cards (they fit at 600 px; at 390 px each row is a stacked
 * card), so every control is on screen without scrolling anything sideways, and a person's "…"
 * menu opens inside the viewport, even for the last row.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

/** How far each table's card, and anything in the page, sticks out past the viewport's right edge. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cards = [...document.querySelectorAll("table")].map((table) => {
      const card = table.closest(".card");
      const region = table.parentElement;
      if (!card || !region) throw new Error("a table outside a card");
      const cardBox = card.getBoundingClientRect();
      const regionBox = region.getBoundingClientRect();
      return {
        card: card.querySelector("h2")?.textContent ?? "",
        pastViewport: Math.max(0, Math.round(cardBox.right - width)),
        // What the table's own box shows: it may be wider than the card only inside a region that scrolls.
        regionPastCard: Math.max(0, Math.round(regionBox.right - cardBox.right)),
        clipped: table.scrollWidth > region.clientWidth + 1 ? getComputedStyle(region).overflowX : "fits",
        widths: [table.scrollWidth, region.clientWidth],
      };
    });
    return { pageScrollsSideways: document.documentElement.scrollWidth > width, cards };
  });
}

describe("the Teams page on narrow screens", () => {
  for (const size of [
    { width: 600, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${size.width} px keeps both tables inside their cards and the row menu inside the viewport`, async () => {
      const { page } = e2e;
      await page.setViewportSize(size);
      await signIn(page, "admin@baton.local");
      await page.goto("/teams");
      await page.getByRole("heading", { name: "People", exact: true }).waitFor();

      const measured = await overflow(page);
      expect(measured.pageScrollsSideways).toBe(false);
      for (const card of measured.cards) {
        expect(card, `${card.card} card`).toMatchObject({ pastViewport: 0, regionPastCard: 0 });
        // A table wider than its card scrolls within it (a keyboard reaches every cell), never spills or hides.
        expect(["fits", "auto"], `${card.card} table`).toContain(card.clipped);
        // At 600 px the cells tighten and the queue settings wrap; at 390 px each row stacks. Scrolled
        // sideways inside its card, the People table hid Capacity and Save with no hint.
        expect(card.clipped, `${card.card} table ${card.widths.join(" in ")}`).toBe("fits");
      }
      const offScreen = await page.locator("table :is(input:not([type=hidden]), select, button)").evaluateAll((controls, width) =>
        controls
          .map((control) => ({ control: control.getAttribute("aria-label") ?? control.textContent?.trim(), box: control.getBoundingClientRect() }))
          .filter(({ box }) => box.left < 0 || box.right > width)
          .map(({ control }) => control),
        size.width,
      );
      expect(offScreen).toEqual([]);
      await expect(page.getByRole("spinbutton", { name: "Open conversations Ben Agent can hold at once" }).isVisible()).resolves.toBe(true);
      await page.getByRole("heading", { name: "People", exact: true }).scrollIntoViewIfNeeded();
      await snap(page);

      // The last person's menu: the table region is scrolled to bring its button into view, then it opens.
      const trigger = page.getByRole("button", { name: /^More actions for / }).last();
      await trigger.click();
      const menu = page.locator(".person-menu-list");
      await menu.waitFor();
      const box = await menu.boundingBox();
      if (!box) throw new Error("menu not shown");
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      // Its actions are real buttons a pointer can reach: the topmost element at the first one's centre is that button.
      const first = menu.getByRole("button").first();
      const firstBox = await first.boundingBox();
      if (!firstBox) throw new Error("menu action not shown");
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent ?? null, [firstBox.x + firstBox.width / 2, firstBox.y + firstBox.height / 2]);
      expect(hit).toBe(await first.textContent());
      await snap(page);

      // Escape closes it and gives focus back to its button.
      await page.keyboard.press("Escape");
      await expect.poll(() => menu.count()).toBe(0);
      await expect(trigger.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      await page.getByRole("heading", { name: "Teams", exact: true }).scrollIntoViewIfNeeded();
      await snap(page);
    });
  }
});
