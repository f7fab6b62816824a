/**
 * Where a step added from the palette lands (a QA pass: on the Store support starter, "Send a
 * message" clicked in the opening view landed over Start and "Detect intent", covering Start's
 * "Next" handle; with the analytics overlay on, the cards' numbers overlapped): a clicked step
 * takes a free spot of the view, a dropped one stays where it is dropped.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, canvasBox, card, dropFromPalette, fitView, selectCard, viewportZoom, waitForOpeningFit } from "./builder-helpers";

const e2e = useE2E({ demoHistory: true });

type Rect = { id: string; left: number; top: number; right: number; bottom: number };

/** The on-screen boxes of the cards React Flow renders (it renders those in view). */
function cardRects(page: Page): Promise<Rect[]> {
  return page.locator(".react-flow__node").evaluateAll((nodes) =>
    nodes.map((node) => {
      const { left, top, right, bottom } = node.getBoundingClientRect();
      return { id: node.getAttribute("data-id") ?? "", left, top, right, bottom };
    }),
  );
}

/** The cards whose boxes overlap the card `nodeId`'s box. */
async function overlapping(page: Page, nodeId: string): Promise<string[]> {
  const rects = await cardRects(page);
  const own = rects.find((rect) => rect.id === nodeId);
  if (!own) throw new Error(`${nodeId} is not rendered`);
  return rects.filter((rect) => rect.id !== nodeId && rect.left < own.right && own.left < rect.right && rect.top < own.bottom && own.top < rect.bottom).map((rect) => rect.id);
}

/** Clicks a kind in the palette and returns the id of the step it added (the one selected). */
async function clickToAdd(page: Page, kind: string): Promise<string> {
  const before = await page.locator(".node-card.is-selected").first().getAttribute("data-node-id").catch(() => null);
  await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  await expect.poll(() => page.locator(".node-card.is-selected").first().getAttribute("data-node-id")).toMatch(new RegExp(`^${kind}`));
  const added = (await page.locator(".node-card.is-selected").first().getAttribute("data-node-id")) as string;
  expect(added).not.toBe(before);
  // The view glides to the new card (250 ms): measure once it has stopped.
  await page.waitForTimeout(400);
  return added;
}

/** Whether what is under the centre of Start's "Next" handle is that handle (not a card on top of it). */
function startHandleUncovered(page: Page): Promise<boolean> {
  const handle = card(page, "start").locator('.react-flow__handle.source[data-handleid="next"]');
  return handle.evaluate((element) => {
    const { left, top, width, height } = element.getBoundingClientRect();
    return document.elementFromPoint(left + width / 2, top + height / 2) === element;
  });
}

describe("adding a step on the Store support starter", () => {
  it("puts a clicked step in a free spot of the view, with and without the analytics overlay, and a dropped one where it is dropped", async () => {
    const { page } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    const flow = await e2e.app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true } });
    await e2e.goto(`/flows/${flow.id}`);
    await card(page, "start").waitFor();
    await waitForOpeningFit(page);

    // Nothing selected: near the middle of the view, on no card.
    const first = await clickToAdd(page, "message");
    expect(await overlapping(page, first)).toEqual([]);
    expect(await startHandleUncovered(page)).toBe(true);
    const canvas = await canvasBox(page);
    const box = await card(page, first).boundingBox();
    expect(box && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width && box.y >= canvas.y && box.y + box.height <= canvas.y + canvas.height).toBe(true);
    await snap(page);

    // The overlay makes every card taller; a step added after Start (its output taken, so the spot
    // beside it is Detect intent's) goes where it covers none of the taller cards.
    await page.getByRole("button", { name: "Analytics", exact: true }).click();
    await page.locator(".node-traffic").first().waitFor();
    await selectCard(page, "start");
    const second = await clickToAdd(page, "message");
    expect(await overlapping(page, second)).toEqual([]);
    expect(await startHandleUncovered(page)).toBe(true);
    await snap(page);

    // Dropped on empty canvas (below Start, in the fitted view), a step lands under the pointer.
    await fitView(page);
    const start = await card(page, "start").boundingBox();
    if (!start) throw new Error("Start is not on screen");
    const drop = { x: start.x + start.width / 2 - canvas.x, y: start.y + start.height + 160 - canvas.y };
    const dropped = await dropFromPalette(page, "end", drop);
    const zoom = await viewportZoom(page);
    const landed = await card(page, dropped).boundingBox();
    // canvas.tsx puts a dropped card's top 40 units above the pointer, its left 120 to the left
    // (within 2 px: the mouse moves in whole pixels).
    expect(Math.abs((landed?.x ?? 0) - (canvas.x + drop.x - 120 * zoom))).toBeLessThan(2);
    expect(Math.abs((landed?.y ?? 0) - (canvas.y + drop.y - 40 * zoom))).toBeLessThan(2);
    await snap(page);
  });
});
