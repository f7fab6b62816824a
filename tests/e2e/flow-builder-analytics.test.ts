/**
 * The canvas analytics overlay on the seeded store-support flow with its generated demo history:
 * off by default, switched on from the toolbar it shows on every step the numbers the node
 * funnel API reports for the chosen range; a flow nobody talked to says so.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, fitView, openStarterCopy } from "./builder-helpers";

const e2e = useE2E({ demoHistory: true });

type FunnelRow = { nodeId: string; passed: number; droppedOff: number; escalated: number; apiCalls: number; apiFailures: number };
type Funnel = { conversations: number; nodes: FunnelRow[] };

async function readFunnel(page: Page, flowId: string, range: string): Promise<Funnel> {
  const response = await page.request.get(`/api/analytics/flows/${flowId}/nodes?range=${range}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Funnel;
}

/** The three numbers a card's strip shows, read from the page. */
/** The canvas's zoom, from React Flow's viewport transform (`translate(x, y) scale(z)`). */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator(".react-flow__viewport").evaluate((viewport) => (viewport as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? Number.NaN);
}

async function stripOf(page: Page, nodeId: string) {
  const stat = (name: string) => card(page, nodeId).locator(`.node-traffic [data-stat="${name}"]`);
  const value = async (name: string) => Number((await stat(name).locator("strong").textContent())?.replace(/,/g, ""));
  return { passed: await value("passed"), droppedOff: await value("dropped"), escalated: await value("escalated"), share: await stat("passed").locator(".node-traffic-share").textContent() };
}

async function expectCardsToMatch(page: Page, funnel: Funnel, nodeIds: string[]) {
  for (const nodeId of nodeIds) {
    const row = funnel.nodes.find((node) => node.nodeId === nodeId);
    if (!row) throw new Error(`no funnel row for ${nodeId}`);
    const share = `${Math.round((row.passed / funnel.conversations) * 100)}%`;
    await expect.poll(() => stripOf(page, nodeId), { timeout: 10_000 }).toEqual({ passed: row.passed, droppedOff: row.droppedOff, escalated: row.escalated, share: row.passed > 0 && share === "0%" ? "<1%" : share });
  }
}

/** Pairs of cards closer than `gap` flow units, from the cards' own layout sizes and the flow's positions. */
async function cardsTooClose(page: Page, flowId: string, gap: number): Promise<string[]> {
  const flow = await e2e.app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } });
  const positions = new Map((JSON.parse(flow.draft).nodes as Array<{ id: string; position: { x: number; y: number } }>).map((node) => [node.id, node.position]));
  const sizes = await page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).dataset.id ?? "", (node as HTMLElement).offsetWidth, (node as HTMLElement).offsetHeight] as const));
  expect(sizes.length).toBe(positions.size);
  const boxes = sizes.map(([id, width, height]) => ({ id, ...positions.get(id)!, width, height }));
  const close: string[] = [];
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      const apart = a.x + a.width + gap <= b.x || b.x + b.width + gap <= a.x || a.y + a.height + gap <= b.y || b.y + b.height + gap <= a.y;
      if (!apart) close.push(`${a.id} / ${b.id}`);
    }
  }
  return close;
}

async function openEditor(page: Page, slug: string, options: { signIn: boolean } = { signIn: true }) {
  await page.setViewportSize(BUILDER_VIEWPORT);
  if (options.signIn) await signIn(page, "admin@baton.local");
  const flow = await e2e.app.db.flow.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await page.goto(`/flows/${flow.id}`);
  await page.locator(".react-flow__node").first().waitFor();
  return flow.id;
}

describe("analytics overlay", () => {
  it("shows per step how many conversations passed, dropped off and escalated, matching the funnel API", async () => {
    const { page } = e2e;
    const flowId = await openEditor(page, "store-support");
    const toggle = page.getByRole("button", { name: "Analytics", exact: true });
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(page.locator(".node-traffic").count()).resolves.toBe(0);
    // Layout size, not the zoomed one on screen.
    const cardHeight = () => card(page, "topic").locator(".node-card").evaluate((element) => (element as HTMLElement).offsetHeight);
    const closedHeight = await cardHeight();

    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    const month = await readFunnel(page, flowId, "30d");
    expect(month.conversations).toBeGreaterThan(100);
    const summary = page.locator(".analytics-summary");
    await summary.getByText(`${month.conversations.toLocaleString("en-US")} conversations`, { exact: false }).waitFor();
    await expect(summary.textContent()).resolves.toContain("Last 30 days");
    await fitView(page);
    // Every step of the flow, from the start (every conversation) to the handoffs and the end.
    const steps = month.nodes.map((node) => node.nodeId);
    expect(steps).toEqual(expect.arrayContaining(["start", "topic", "to-support", "to-billing", "done"]));
    await expectCardsToMatch(page, month, steps);
    expect(month.nodes.find((node) => node.nodeId === "start")?.passed).toBe(month.conversations);
    expect(month.nodes.some((node) => node.escalated > 0)).toBe(true);
    expect(month.nodes.some((node) => node.droppedOff > 0)).toBe(true);
    await snap(page);

    // Zoomed in on the busiest part: the numbers read at the editor's own zoom.
    const zoomBefore = await zoomOf(page);
    await page.getByRole("button", { name: "zoom in" }).click();
    await page.getByRole("button", { name: "zoom in" }).click();
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(zoomBefore);
    await snap(page);

    // Another range: the cards follow the API's numbers for it.
    await page.getByLabel("Analytics range").selectOption("7d");
    const week = await readFunnel(page, flowId, "7d");
    expect(week.conversations).toBeLessThan(month.conversations);
    await summary.getByText(`${week.conversations.toLocaleString("en-US")} conversation`, { exact: false }).waitFor();
    await fitView(page);
    await expectCardsToMatch(page, week, ["start", "topic", "ask-order-id", "to-support"]);

    // Off again: the cards are as they were.
    await toggle.click();
    await expect.poll(() => page.locator(".node-traffic").count()).toBe(0);
    await expect(summary.count()).resolves.toBe(0);
    await expect(cardHeight()).resolves.toBe(closedHeight);
  });

  it("lays out the starter flows with room between the cards, also with the analytics strips on", async () => {
    const { page } = e2e;
    for (const [index, slug] of ["store-support", "refunds-and-returns", "order-status"].entries()) {
      const flowId = await openEditor(page, slug, { signIn: index === 0 });
      await fitView(page);
      await expect(cardsTooClose(page, flowId, 40)).resolves.toEqual([]);
      await page.getByRole("button", { name: "Analytics", exact: true }).click();
      await page.locator(".node-traffic").first().waitFor();
      await expect.poll(() => page.locator(".node-traffic").count()).toBe(await page.locator(".react-flow__node").count());
      await expect(cardsTooClose(page, flowId, 40)).resolves.toEqual([]);
      await snap(page);
    }
  });

  it("shows how many of a Call an API step's calls failed, matching the funnel API", async () => {
    const { page } = e2e;
    const flowId = await openEditor(page, "order-status");
    await page.getByRole("button", { name: "Analytics", exact: true }).click();
    const funnel = await readFunnel(page, flowId, "30d");
    const lookup = funnel.nodes.find((node) => node.nodeId === "lookup");
    expect(lookup?.apiCalls).toBeGreaterThan(0);
    expect(lookup?.apiFailures).toBeGreaterThan(0);
    await fitView(page);
    const api = card(page, "lookup").locator('.node-traffic [data-stat="api-failures"]');
    await expect.poll(() => api.textContent(), { timeout: 10_000 }).toBe(`${lookup?.apiFailures} of ${lookup?.apiCalls} API calls failed`);
    await expect(card(page, "ask-order-id").locator('.node-traffic [data-stat="api-failures"]').count()).resolves.toBe(0);
    await snap(page);
  });

  it("says so when the flow had no conversations in the range", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Nobody talked to me");

    await page.getByRole("button", { name: "Analytics", exact: true }).click();
    await page.getByRole("heading", { name: "No conversations in the last 30 days" }).waitFor();
    await expect(page.locator(".analytics-summary").textContent()).resolves.toContain("This flow is not published yet: numbers appear on the steps once customers talk to it. Preview runs are not counted.");
    await expect(page.locator(".node-traffic").count()).resolves.toBe(0);
    await snap(page);
  });
});
