/**
 * Adding a step by clicking the palette, on the canvas at 1280 px: the view brings the new step
 * in and keeps the step it was added after in view too when both fit (it used to centre on the
 * new one and cut the other in half at the canvas's left edge); zoomed in too far for both, the
 * new step is whole and the other is wholly out of view, never half a card.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { canvasBox, card, openStarterCopy, selectCard } from "./builder-helpers";
import { snap, useE2E } from "./harness";

const e2e = useE2E();

/** How much of a card the canvas shows. */
async function shown(page: Page, nodeId: string): Promise<"whole" | "cut" | "none"> {
  const canvas = await canvasBox(page);
  // The canvas renders only the cards in view: a card it does not render is not shown.
  if ((await card(page, nodeId).count()) === 0) return "none";
  const box = await card(page, nodeId).boundingBox();
  if (!box) return "none";
  const right = canvas.x + canvas.width;
  const bottom = canvas.y + canvas.height;
  if (box.x + box.width <= canvas.x || box.x >= right || box.y + box.height <= canvas.y || box.y >= bottom) return "none";
  const whole = box.x >= canvas.x - 0.5 && box.x + box.width <= right + 0.5 && box.y >= canvas.y - 0.5 && box.y + box.height <= bottom + 0.5;
  return whole ? "whole" : "cut";
}

/** Waits until the view's pan/zoom animation has ended: its transform unchanged over several frames. */
async function viewSettled(page: Page) {
  await page.locator(".react-flow__viewport").evaluate(
    (viewport) =>
      new Promise<void>((resolve) => {
        let last = "";
        let still = 0;
        const tick = () => {
          const now = getComputedStyle(viewport).transform;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 5) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** The selected card's id: a step added by a click is selected (the canvas renders only the cards in view, so counting them says nothing). */
async function selectedId(page: Page): Promise<string | null> {
  const ids = await page.locator(".react-flow__node.selected").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id")));
  return ids.length === 1 ? ids[0] : null;
}

async function addByClick(page: Page, kind: string): Promise<string> {
  const before = await selectedId(page);
  await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  await expect.poll(async () => { const now = await selectedId(page); return now !== null && now !== before; }).toBe(true);
  await viewSettled(page);
  return (await selectedId(page)) as string;
}

describe("adding a step by a click", () => {
  it("keeps the step it follows in view, and never cuts a card in half", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Add step view", "Blank flow");
    await page.getByRole("button", { name: /^Add a .+ step$/ }).click();
    await page.locator(".react-flow__node").first().waitFor();
    const entry = (await page.locator(".react-flow__node").first().getAttribute("data-id")) as string;
    await selectCard(page, entry);

    const first = await addByClick(page, "message");
    await snap(page);
    expect(await shown(page, first)).toBe("whole");
    expect(await shown(page, entry)).toBe("whole");

    // Zoomed in until two cards side by side no longer fit in the canvas.
    for (let step = 0; step < 3; step += 1) await page.getByRole("button", { name: "zoom in" }).click();
    await viewSettled(page);
    const second = await addByClick(page, "message");
    await snap(page);
    expect(await shown(page, second)).toBe("whole");
    expect(await shown(page, first)).not.toBe("cut");
  });
});
