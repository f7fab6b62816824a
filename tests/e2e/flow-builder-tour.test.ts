/**
 * The flow builder's promises checked one by one at 1280×800, the way an admin uses them:
 * keyboard only from a card to its form and back, box selection, zoom and the minimap, the
 * export download from the editor, and the flow list's columns.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { downloadedText, signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, fitView, openStarterCopy, saveState, selectCard } from "./builder-helpers";

const e2e = useE2E();


const focusedNodeId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-id") ?? document.activeElement?.getAttribute("aria-label") ?? null);

const viewportTransform = (page: Page) => page.locator(".react-flow__viewport").getAttribute("style");

async function zoomLevel(page: Page): Promise<number> {
  const style = (await viewportTransform(page)) ?? "";
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1]);
}

describe("keyboard only", () => {
  it("tabs from the palette to a card, opens its form with Enter, types, and comes back with Escape", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(page, "Keyboard form");
    await page.locator(".palette-item").last().focus();
    // Tab on through the canvas until the Start card has focus (edges come first in React Flow's order).
    for (let presses = 0; presses < 80 && (await focusedNodeId(page)) !== "start"; presses += 1) await page.keyboard.press("Tab");
    expect(await focusedNodeId(page)).toBe("start");
    await page.keyboard.press("Enter");
    const panel = page.locator(".builder-panel");
    await panel.getByRole("heading", { name: "Start" }).waitFor();
    await page.keyboard.press("Enter");
    const greeting = panel.getByLabel("Greeting", { exact: true });
    await expect.poll(() => greeting.evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.press("Control+a");
    await page.keyboard.type("Typed with the keyboard only");
    await expect.poll(() => card(page, "start").locator(".node-text").textContent()).toBe("Typed with the keyboard only");
    await snap(page);
    await page.keyboard.press("Escape");
    await expect.poll(() => focusedNodeId(page)).toBe("start");
    // Back on the card, Tab walks to the next step as before.
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedNodeId(page)).toBe("topic");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes[0].data.greeting).toBe("Typed with the keyboard only");
  });
});

describe("canvas tools", () => {
  it("box-selects several steps with Shift+drag, deletes them at once and undoes it; zooms, fits and pans with the minimap", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Canvas tools");
    await fitView(page);
    const cards = page.locator(".react-flow__node");
    const total = await cards.count();
    // A box around the Start and Detect intent cards.
    const start = await card(page, "start").boundingBox();
    const topic = await card(page, "topic").boundingBox();
    if (!start || !topic) throw new Error("cards not drawn");
    await page.keyboard.down("Shift");
    await page.mouse.move(start.x - 12, Math.min(start.y, topic.y) - 12);
    await page.mouse.down();
    await page.mouse.move(topic.x + topic.width + 6, Math.max(start.y + start.height, topic.y + topic.height) + 12, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await expect.poll(() => page.locator(".react-flow__node.selected").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id")).sort())).toEqual(["start", "topic"]);
    // Shift+drag selects steps, never the page's text.
    await expect(page.evaluate(() => window.getSelection()?.toString() ?? "")).resolves.toBe("");
    const panel = page.locator(".builder-panel");
    await panel.getByRole("heading", { name: "2 steps selected" }).waitFor();
    await expect(panel.getByRole("list", { name: "Selected steps" }).locator("li").allTextContents()).resolves.toEqual(["Startstart", "Detect intenttopic"]);
    await snap(page);
    await page.keyboard.press("Delete");
    await expect.poll(() => cards.count()).toBe(total - 2);
    await page.keyboard.press("Control+z");
    await expect.poll(() => cards.count()).toBe(total);

    // Shift+click builds the same selection; the panel's button deletes both, Undo brings them back.
    await card(page, "ask-order-id").locator(".node-card-title").click();
    await card(page, "ask-email").locator(".node-card-title").click({ modifiers: ["Shift"] });
    await panel.getByRole("button", { name: "Delete 2 steps" }).click();
    await expect.poll(() => cards.count()).toBe(total - 2);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => cards.count()).toBe(total);
    await expect(page.locator('.react-flow__edge[data-testid="rf__edge-e1"]').count()).resolves.toBe(1);

    // Zoom in and out with the controls; fit view shows the whole flow again.
    const fitted = await zoomLevel(page);
    await page.getByRole("button", { name: "zoom in" }).click();
    await expect.poll(() => zoomLevel(page)).toBeGreaterThan(fitted);
    await page.getByRole("button", { name: "zoom out" }).click();
    await page.getByRole("button", { name: "zoom out" }).click();
    await expect.poll(() => zoomLevel(page)).toBeLessThan(fitted);
    await fitView(page);
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitted, 2);

    // The minimap shows every step; dragging in it pans the canvas.
    const minimap = page.getByRole("img", { name: "Minimap" }).or(page.locator(".react-flow__minimap"));
    await expect(page.locator(".react-flow__minimap-node").count()).resolves.toBe(total);
    const box = await minimap.first().boundingBox();
    if (!box) throw new Error("no minimap");
    const before = await viewportTransform(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 10, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => viewportTransform(page)).not.toBe(before);
    await fitView(page);
  });
});

describe("step forms", () => {
  it("gives the “Insert a detail…” picker one width in every form: its field's, like the text box above it", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Detail pickers");
    await fitView(page);
    const panel = page.locator(".builder-panel");
    const measured: Array<{ node: string; width: number; offLeft: number; offRight: number }> = [];
    // A message, questions that know different details, a handoff with two message boxes, and the end.
    for (const node of ["order-update", "ask-email", "ask-tracking", "missing-parcel", "done"]) {
      await selectCard(page, node);
      const pickers = panel.getByRole("combobox", { name: /^Insert a detail into/ });
      await pickers.first().waitFor();
      await snap(page);
      // The step id beside Duplicate and Delete is shown whole, on one line ("missing-parcel" broke in two).
      await expect(panel.locator(".panel-node-id").evaluate((code) => code.getClientRects().length === 1 && code.scrollWidth <= code.clientWidth)).resolves.toBe(true);
      for (const picker of await pickers.all()) {
        const box = await picker.evaluate((select) => {
          const own = select.getBoundingClientRect();
          const text = select.closest(".template-field")!.querySelector("textarea")!.getBoundingClientRect();
          return { width: own.width, offLeft: own.left - text.left, offRight: own.right - text.right };
        });
        measured.push({ node, ...box });
      }
    }
    expect(new Set(measured.map((picker) => picker.node)).size).toBe(5);
    // Sized to its options, it was as wide as each form's longest detail name (302 px here, 205 px where fewer details are known).
    const widths = measured.map((picker) => picker.width);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(0.5);
    for (const picker of measured) {
      expect(Math.abs(picker.offLeft)).toBeLessThan(0.5);
      expect(Math.abs(picker.offRight)).toBeLessThan(0.5);
    }
  });
});

describe("export", () => {
  it("downloads the draft as it is on screen from the editor's Export button", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(page, "Export check");
    await card(page, "start").locator(".node-card-title").click();
    await page.locator(".builder-panel").getByLabel("Greeting", { exact: true }).fill("Exported greeting");
    // Exported at once, before the autosave's pause: the editor saves first.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as JSON" }).click()]);
    expect(download.suggestedFilename()).toBe("export-check.json");
    const exported = JSON.parse(await downloadedText(download));
    expect(exported).toMatchObject({ name: "Export check", slug: "export-check" });
    expect(exported.nodes[0].data.greeting).toBe("Exported greeting");
    const stored = await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } });
    expect(JSON.parse(stored.draft)).toEqual(exported);
  });
});

describe("the flow list", () => {
  it("shows status, last edited and the customer conversations of the last 7 days (not older ones, not previews)", async () => {
    const { page, app } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    for (let index = 0; index < 3; index += 1) expect((await page.request.post("/api/chat/refunds-and-returns/conversations", { data: {} })).status()).toBe(201);
    const flow = await app.db.flow.findUniqueOrThrow({ where: { slug: "refunds-and-returns" }, select: { id: true } });
    const [old, preview] = await app.db.conversation.findMany({ where: { flowId: flow.id }, select: { id: true }, take: 2 });
    await app.db.conversation.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    await app.db.conversation.update({ where: { id: preview.id }, data: { channel: "preview" } });

    await page.goto("/flows");
    const headers = await page.locator(".flow-table thead th").allTextContents();
    expect(headers.slice(0, 4)).toEqual(["Flow", "Status", "Last edited", "Conversations (7 days)"]);
    const row = page.locator(".flow-table tbody tr", { hasText: "Refunds and returns" });
    await expect(row.locator(".cell-number").textContent()).resolves.toBe("1");
    await expect(row.locator(".badge").textContent()).resolves.toBe("Published v1");
    await expect(row.textContent()).resolves.toContain("/chat/refunds-and-returns");
    await snap(page);
  });
});
