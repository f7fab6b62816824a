/**
 * The names in "Escalations by trigger" stay on one line: at 1280 px every name is whole; on a
 * 390 px phone a name that does not fit beside the bars ends in "…" with the full name as its
 * tooltip. Recharts' default tick wrapped "Bot failed repeatedly" onto two lines at 1280 px.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { HANDOFF_TRIGGER_LABELS, HANDOFF_TRIGGERS } from "~/vocabulary/handoff-triggers";
import { addConversation, createFixtureFlow } from "../support/analytics-fixtures";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();
const DAY = "2026-09-02";

/** One handoff of every trigger, so the chart names them all. */
beforeAll(async () => {
  const { db } = e2e.app;
  const support = await db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { id: true } });
  const flow = await createFixtureFlow({ slug: "every-trigger", name: "Every trigger", defaultTeam: "support" }, db);
  for (const [index, trigger] of HANDOFF_TRIGGERS.entries()) {
    await addConversation({ flow, createdAt: `${DAY}T1${index}:00:00Z`, escalatedAfterMinutes: 1, status: "resolved", nodes: ["start", "human"], teamId: support.id, trigger, closedBy: "agent" }, db);
  }
});

type Tick = { text: string; title: string | null; lines: number; left: number; chartLeft: number; right: number; plotLeft: number };

/** Each name on the trigger chart's axis: what it shows, its tooltip, how many lines it takes and where it ends. */
async function triggerTicks(page: Page): Promise<Tick[]> {
  const chart = page.locator(".chart-card").filter({ hasText: "Escalations by trigger" });
  await chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").first().waitFor();
  await chart.scrollIntoViewIfNeeded();
  return chart.evaluate((card) => {
    const svg = card.querySelector<SVGSVGElement>(".chart-body svg.recharts-surface");
    const bars = [...card.querySelectorAll(".recharts-bar-rectangle")].map((bar) => bar.getBoundingClientRect().left);
    const chartLeft = svg?.getBoundingClientRect().left ?? 0;
    return [...card.querySelectorAll<SVGTextElement>(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")].map((tick) => {
      const box = tick.getBoundingClientRect();
      return {
        text: [...tick.childNodes].filter((node) => node.nodeName !== "title").map((node) => node.textContent).join(""),
        title: tick.querySelector("title")?.textContent ?? null,
        // Recharts' own tick wraps a long name into one <tspan> a line; a single <text> is one line.
        lines: Math.max(1, tick.querySelectorAll("tspan").length),
        left: box.left,
        chartLeft,
        right: box.right,
        plotLeft: Math.min(...bars),
      };
    });
  });
}

async function openTriggers(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await e2e.goto(`/analytics?range=custom&from=${DAY}&to=${DAY}`);
  await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
}

describe("handoff trigger names on /analytics", () => {
  it("fit on one line, whole at 1280 px", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await openTriggers(page, 1280);
    const ticks = await triggerTicks(page);
    expect(ticks.map((tick) => tick.text).sort()).toEqual(Object.values(HANDOFF_TRIGGER_LABELS).sort());
    for (const tick of ticks) {
      expect(tick.lines, tick.text).toBe(1);
      expect(tick.title, tick.text).toBeNull();
      expect(tick.left, `${tick.text} starts inside the chart`).toBeGreaterThanOrEqual(tick.chartLeft);
      expect(tick.right, `${tick.text} ends before the bars`).toBeLessThanOrEqual(tick.plotLeft);
    }
    await snap(page);
  });

  it("on a 390 px phone, stay on one line beside the bars, a cut name ending in … with its full name as the tooltip", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await openTriggers(page, 390);
    const ticks = await triggerTicks(page);
    expect(ticks).toHaveLength(HANDOFF_TRIGGERS.length);
    // The bars keep their room: the longest names give way, not the chart.
    expect(ticks.find((tick) => tick.title === "Bot failed repeatedly")?.text).toMatch(/^Bot failed .*…$/);
    for (const tick of ticks) {
      expect(tick.lines, tick.text).toBe(1);
      expect(tick.left, `${tick.text} starts inside the chart`).toBeGreaterThanOrEqual(tick.chartLeft);
      expect(tick.right, `${tick.text} ends before the bars`).toBeLessThanOrEqual(tick.plotLeft);
      if (tick.title === null) expect(Object.values(HANDOFF_TRIGGER_LABELS)).toContain(tick.text);
      else {
        expect(tick.text).toMatch(/…$/);
        expect(tick.title.startsWith(tick.text.slice(0, -1))).toBe(true);
        expect(Object.values(HANDOFF_TRIGGER_LABELS)).toContain(tick.title);
      }
    }
    // The table under the chart names every trigger in full, on one line.
    const table = page.locator(".trigger-table");
    for (const label of Object.values(HANDOFF_TRIGGER_LABELS)) {
      const cell = table.getByRole("cell", { name: label, exact: true });
      await expect(cell.evaluate((element) => element.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(element).lineHeight))).resolves.toBe(true);
    }
    // And nothing pushes the page sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await snap(page);
  });
});
