/**
 * The flow builder on a 1280×800 laptop and a 390×844 phone (a QA pass): the starters opened at
 * ~30 % zoom, their cards unreadable; on a phone the header cut the flow's title and Publish off;
 * a step added from the palette left the focus on the palette button.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, canvasBox, card, fitView, openStarterCopy, viewportZoom, waitForOpeningFit } from "./builder-helpers";

const e2e = useE2E();
const PHONE = { width: 390, height: 844 };
/** The least zoom at which a card's text still reads (initial-view.ts READABLE_ZOOM): the view opens at 60 % or more. */
const READABLE = 0.6;
/**
 * How many of a starter's cards the opening view shows whole, at the least: its start, the first
 * step and that step's branches (a QA pass found the view opened on 2 of Store support's 19).
 */
const OPENING_CARDS = 4;
const STARTERS = ["store-support", "order-status", "refunds-and-returns"];

/** Whether the element lies wholly inside the box (a canvas, or the window). */
async function inside(locator: Locator, box: { x: number; y: number; width: number; height: number }) {
  const rect = await locator.boundingBox();
  return !!rect && rect.x >= box.x - 1 && rect.y >= box.y - 1 && rect.x + rect.width <= box.x + box.width + 1 && rect.y + rect.height <= box.y + box.height + 1;
}

/** The cards that lie wholly inside the canvas. */
async function cardsInView(page: Page): Promise<string[]> {
  const canvas = await canvasBox(page);
  return page.locator(".react-flow__node").evaluateAll(
    (nodes, box) =>
      nodes
        .filter((node) => {
          const rect = node.getBoundingClientRect();
          return rect.left >= box.x - 1 && rect.top >= box.y - 1 && rect.right <= box.x + box.width + 1 && rect.bottom <= box.y + box.height + 1;
        })
        .map((node) => node.getAttribute("data-id") ?? ""),
    canvas,
  );
}

const focusedCardId = (page: Page) => page.evaluate(() => document.activeElement?.closest(".react-flow__node")?.getAttribute("data-id") ?? "");

describe("a starter flow on a 1280×800 laptop", () => {
  it("opens at a readable zoom on its Start and the steps after it, and fit view still shows it whole", async () => {
    const { page, app } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    for (const slug of STARTERS) {
      const flow = await app.db.flow.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await e2e.goto(`/flows/${flow.id}`);
      await card(page, "start").waitFor();
      await waitForOpeningFit(page);
      expect(await viewportZoom(page), slug).toBeGreaterThanOrEqual(READABLE);
      const canvas = await canvasBox(page);
      expect(await inside(card(page, "start"), canvas), `${slug}: Start in view`).toBe(true);
      // The step after Start is in view too: the lead sees where the flow goes.
      const [first] = await app.db.flow.findUniqueOrThrow({ where: { slug }, select: { draft: true } }).then((row) => JSON.parse(row.draft).edges.filter((edge: { source: string }) => edge.source === "start").map((edge: { target: string }) => edge.target));
      expect(await inside(card(page, first), canvas), `${slug}: ${first} in view`).toBe(true);
      // Not just those two: as much of the flow as reads, from its start on.
      expect((await cardsInView(page)).length, `${slug}: ${(await cardsInView(page)).join(", ")}`).toBeGreaterThanOrEqual(OPENING_CARDS);
      await snap(page);

      // The whole flow stays one click away.
      await fitView(page);
      expect(await viewportZoom(page)).toBeLessThan(READABLE);
    }
  });
});

describe("the builder on a 390×844 phone", () => {
  it("keeps a long title (ellipsised), Publish and the other main actions in the window, and leaves room for the canvas", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Returns, exchanges and damaged parcels for the spring sale");
    await page.setViewportSize(PHONE);
    const window = { x: 0, y: 0, ...PHONE };
    const title = page.locator(".builder-name");
    await expect.poll(() => inside(title, window)).toBe(true);
    // Long titles end in an ellipsis rather than pushing the actions out.
    expect(await title.evaluate((element) => element.scrollWidth > element.clientWidth && getComputedStyle(element).textOverflow === "ellipsis")).toBe(true);
    const actions = [
      page.getByRole("link", { name: "Back to flows" }),
      page.getByRole("button", { name: "Undo" }),
      page.getByRole("button", { name: /problem/ }),
      page.getByRole("button", { name: "Preview", exact: true }),
      page.getByRole("button", { name: "Publish", exact: true }),
    ];
    for (const action of actions) expect(await inside(action, window), String(action)).toBe(true);
    // The page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The canvas takes the width beside the app's icon rail and a usable height.
    const rail = await page.locator(".sidebar").boundingBox();
    const canvas = await canvasBox(page);
    expect(canvas.width).toBeGreaterThanOrEqual(PHONE.width - (rail?.width ?? 0) - 2);
    expect(canvas.height).toBeGreaterThanOrEqual(300);
    await snap(page);

    // Opened on the phone, the flow shows its Start at a readable zoom too.
    await page.reload();
    await card(page, "start").waitFor();
    await waitForOpeningFit(page);
    expect(await viewportZoom(page)).toBeGreaterThanOrEqual(READABLE);
    expect(await inside(card(page, "start"), await canvasBox(page))).toBe(true);
    await snap(page);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Published version 1.").waitFor();
    await snap(page);
  });
});

describe("adding a step from the palette with the keyboard", () => {
  it("moves the focus to the new card, announces it, and Enter there opens its settings", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Keyboard adds");
    await page.locator('.palette-item[data-kind="message"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedCardId(page)).toMatch(/^message/);
    const added = (await focusedCardId(page)) as string;
    await expect(card(page, added).locator(".node-card.is-selected").count()).resolves.toBe(1);
    const liveRegion = page.locator('[id^="react-flow__aria-live"]');
    await expect.poll(() => liveRegion.textContent()).toBe("“Send a message” step added and selected. Press Enter to edit it.");
    await snap(page);

    await page.keyboard.press("Enter");
    const message = page.locator(".builder-panel").getByLabel("Message", { exact: true });
    await expect.poll(() => message.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type("Typed straight after adding");
    await expect.poll(() => card(page, added).locator(".node-text").textContent()).toBe("Typed straight after adding");

    // Space adds too, and the focus goes on to that newer card.
    await page.keyboard.press("Escape");
    await page.locator('.palette-item[data-kind="end"]').focus();
    await page.keyboard.press("Space");
    await expect.poll(() => focusedCardId(page)).toMatch(/^end/);
    await expect.poll(() => liveRegion.textContent()).toBe("“End conversation” step added and selected. Press Enter to edit it.");
    await snap(page);
  });
});
