/**
 * Canvas gestures for the flow-builder browser tests, done the way a person does them: the real
 * mouse presses, moves in steps and releases (palette drags use Chromium's native drag and
 * drop through the same mouse), nothing is injected into React Flow.
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { signIn } from "./harness";
import { repoRoot } from "../setup/migrate";

export const BUILDER_VIEWPORT = { width: 1280, height: 800 };

export function card(page: Page, nodeId: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"]`);
}

export function canvasBox(page: Page) {
  return page.locator(".builder-canvas .react-flow").boundingBox().then((box) => {
    if (!box) throw new Error("no canvas on the page");
    return box;
  });
}

async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses, moves in small steps and releases: React Flow and the browser see a real drag. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Drags a kind from the palette to a point of the canvas (offset from its top-left corner); returns the new node's id. */
export async function dropFromPalette(page: Page, kind: string, offset: { x: number; y: number }): Promise<string> {
  const before = new Set(await page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id"))));
  const item = page.locator(`.palette-item[data-kind="${kind}"]`);
  // The palette scrolls when it holds more kinds than the window is tall: scroll to the kind first, as a person would.
  await item.scrollIntoViewIfNeeded();
  const canvas = await canvasBox(page);
  await drag(page, await centreOf(item), { x: canvas.x + offset.x, y: canvas.y + offset.y });
  await expect.poll(() => page.locator(".react-flow__node").count(), { timeout: 5_000 }).toBe(before.size + 1);
  const ids = await page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id")));
  return ids.find((id) => !before.has(id)) as string;
}

/**
 * Drags from a node's output handle to another node's input handle, with the mouse. The target
 * is measured again once the drag has started: React Flow pans the view while a connection is
 * dragged near the edge of the canvas (as it should), which moves the target.
 */
export async function connectHandles(page: Page, source: string, handle: string, target: string) {
  const from = card(page, source).locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
  const to = card(page, target).locator(".react-flow__handle.target");
  const edges = page.locator(`.react-flow__edge[data-testid^="rf__edge-"]`);
  const count = await edges.count();
  const start = await centreOf(from);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 40, start.y + 10, { steps: 4 });
  // React Flow has taken the drag as a connection once it draws the line that follows the mouse.
  await page.locator(".react-flow__connection-path").waitFor({ state: "attached" });
  const end = await centreOf(to);
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => edges.count(), { timeout: 5_000 }).toBe(count + 1);
}

/** Selects a node by clicking its title (not a handle, not a field). */
export async function selectCard(page: Page, nodeId: string) {
  await card(page, nodeId).locator(".node-card-title").click();
  await expect.poll(() => card(page, nodeId).locator(".node-card.is-selected").count()).toBe(1);
}

/** Clicks "fit view" and waits until every card lies inside the canvas (the fit is not animated). */
export async function fitView(page: Page) {
  await page.getByRole("button", { name: "fit view" }).click();
  const canvas = await canvasBox(page);
  const allInside = () =>
    page.locator(".react-flow__node").evaluateAll(
      (nodes, box) =>
        nodes.every((node) => {
          const rect = node.getBoundingClientRect();
          return rect.left >= box.x - 1 && rect.top >= box.y - 1 && rect.right <= box.x + box.width + 1 && rect.bottom <= box.y + box.height + 1;
        }),
      canvas,
    );
  await expect.poll(allInside).toBe(true);
}

/** The canvas's zoom, from React Flow's viewport transform (1 = cards at their size). */
export function viewportZoom(page: Page): Promise<number> {
  return page.locator(".react-flow__viewport").evaluate((viewport) => new DOMMatrix(getComputedStyle(viewport).transform).a);
}

/**
 * Waits until the canvas has left its blank viewport (canvas.tsx BLANK_VIEWPORT: 60, 80 at 80 %), i.e. the
 * opening view was fitted: a zoom read before that is the blank view's, not the fit's.
 */
export async function waitForOpeningFit(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator(".react-flow__viewport").evaluate((viewport) => {
      const { a, e, f } = new DOMMatrix(getComputedStyle(viewport).transform);
      return a === 0.8 && e === 60 && f === 80 ? "blank" : "fitted";
    }))
    .toBe("fitted");
}

export function saveState(page: Page): Locator {
  return page.locator(".save-state");
}

/** Signs in as the admin and opens the editor of a fresh copy of a starter flow ("Blank flow": an empty canvas), made through the "New flow" dialog; returns its id. */
export async function openStarterCopy(page: Page, name: string, starter = "Store support"): Promise<string> {
  await page.setViewportSize(BUILDER_VIEWPORT);
  await signIn(page, "admin@baton.local");
  await page.goto("/flows");
  await page.getByRole("button", { name: "New flow" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  // Named by its label and what it does: "Store support Sorts messages into order status, …" also contains "order status".
  await dialog.getByRole("radio", { name: new RegExp(`^${starter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`) }).check();
  await dialog.getByRole("button", { name: "Create flow" }).click();
  await page.waitForURL(/\/flows\/[^/]+$/);
  if (starter === "Blank flow") await page.locator(".canvas-empty").waitFor();
  else {
    // A flow opens on its first steps at a readable zoom; the tests work on cards all over the
    // starter, so they begin where a lead does who wants the whole flow: one click on fit view.
    await page.locator(".react-flow__node").first().waitFor();
    await fitView(page);
  }
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/** A starter's document as it ships (flows/<slug>.json), to edit into a file to import. */
export function readStarterDocument(slug = "store-support") {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, `flows/${slug}.json`), "utf8"));
}

/** A flow document as the file a lead picks in the Import dialog. */
export function flowFile(name: string, document: unknown) {
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) };
}
