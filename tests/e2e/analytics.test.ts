/**
 * The analytics page in a real browser, on the production build with the seeded demo workspace
 * AND its generated demo history (~420 past conversations of the starter flows over 30 days).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { RangeQuerySchema, resolveRange } from "~/analytics/range";
import { addConversation, createFixtureFlow } from "../support/analytics-fixtures";
import { downloadedText, signIn, snap, useE2E } from "./harness";

const e2e = useE2E({ demoHistory: true });
const DESKTOP = { width: 1280, height: 800 };

let total = 0;
let supportVisible = 0;

/**
 * A day before the demo history with four handoffs whose every outcome is known: answered and
 * resolved; resolved without a reply; handed back without a reply and closed by the bot; moved
 * from Support to Billing before Billing replied and resolved it.
 */
const SCRIPTED_DAY = "2026-09-01";
const SCRIPTED = `?range=custom&from=${SCRIPTED_DAY}&to=${SCRIPTED_DAY}`;

async function scriptHandoffs() {
  const { db } = e2e.app;
  const [support, billing] = await Promise.all(["support", "billing"].map((slug) => db.team.findUniqueOrThrow({ where: { slug }, select: { id: true } }).then((team) => team.id)));
  const flow = await createFixtureFlow({ slug: "scripted-handoffs", name: "Scripted handoffs", defaultTeam: "support" }, db);
  const at = `${SCRIPTED_DAY}T10:00:00Z`;
  const handoff = { flow, createdAt: at, escalatedAfterMinutes: 1, status: "resolved" as const, nodes: ["start", "ask", "human"] };
  await addConversation({ ...handoff, teamId: support, repliedAfterMinutes: 4, closedBy: "agent" }, db);
  await addConversation({ ...handoff, teamId: support, closedBy: "agent" }, db);
  await addConversation({ ...handoff, teamId: support, closedBy: "bot" }, db);
  await addConversation({ ...handoff, teamId: billing, movedFrom: { teamId: support, afterMinutes: 1 }, repliedAfterMinutes: 6, closedBy: "agent" }, db);
}

/** What the seeded history should show, counted straight from the database with the page's definitions. */
beforeAll(async () => {
  await scriptHandoffs();
  const { db } = e2e.app;
  // The page's own 30 days (UTC days, today included), not a rolling 30 × 24 h: the two differ by the
  // demo history's oldest day whenever the run crosses midnight UTC after the history was generated.
  const since = resolveRange(RangeQuerySchema.parse({})).from;
  const support = await db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { id: true } });
  total = await db.conversation.count({ where: { channel: { not: "preview" }, createdAt: { gte: since } } });
  // Ana's team: handed to support, or the bot's alone (both starter flows default to support).
  supportVisible = await db.conversation.count({
    where: { channel: { not: "preview" }, createdAt: { gte: since }, OR: [{ teamId: support.id }, { teamId: null, escalatedAt: null }] },
  });
});

async function openAnalytics(page: Page, search = "") {
  await page.setViewportSize(DESKTOP);
  const response = await page.goto(`/analytics${search}`);
  await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
  return response;
}

const card = (page: Page, label: string) => page.locator(".metric-card", { has: page.getByText(label, { exact: true }) });
const cardValue = async (page: Page, label: string) => (await card(page, label).locator(".metric-value").textContent())?.trim();

async function chartsDrawn(page: Page) {
  await page.locator(".chart-body .recharts-surface").first().waitFor();
  await expect.poll(() => page.locator(".chart-body .recharts-surface").count()).toBeGreaterThanOrEqual(5);
}

describe("analytics", () => {
  it("shows the seeded month as numbers and charts", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
    await page.waitForURL("**/analytics");
    await page.setViewportSize(DESKTOP);
    await chartsDrawn(page);
    expect(total).toBeGreaterThan(300);
    expect(await cardValue(page, "Conversations")).toBe(total.toLocaleString("en-US"));
    for (const label of ["Containment", "Escalation rate", "Resolved after handoff", "Repeat contact (7 days)"]) expect(await cardValue(page, label)).toMatch(/^\d+%$/);
    expect(await cardValue(page, "First human response")).toMatch(/^\d+m \d\ds$/);
    expect(await cardValue(page, "CSAT, bot only")).toMatch(/^[1-5]\.\d$/);
    // 30 daily bars per outcome, and the escalation triggers
    expect(await page.locator(".chart-body .recharts-bar-rectangle").count()).toBeGreaterThan(30);
    await page.getByText("Asked for a person").first().waitFor();
    // Today is not over: its rates are a hollow point apart, labelled, and not a legend entry of their own.
    const rates = page.locator(".chart-card").filter({ hasText: "Containment and escalation" });
    await rates.getByText("today so far").waitFor();
    expect(await rates.locator(".recharts-legend-item").allTextContents()).toEqual(["Containment", "Escalation"]);
    // Every daily chart marks today the same way: the volume's bars for today pale and outlined.
    for (const title of ["Conversations per day", "First human response", "CSAT"]) {
      await page.locator(".chart-card").filter({ hasText: title }).getByText("today so far").waitFor();
    }
    const volume = page.locator(".chart-card").filter({ hasText: "Conversations per day" });
    expect(await volume.locator(".recharts-bar-rectangle .is-today-so-far").count()).toBeGreaterThan(0);
    expect(await page.locator(".chart-card").filter({ hasText: "First human response" }).locator(".recharts-legend-item").allTextContents()).toEqual(["90th percentile", "Median"]);
    await page.locator(".chart-card").filter({ hasText: "CSAT" }).scrollIntoViewIfNeeded();
    await snap(page);
    await rates.scrollIntoViewIfNeeded();
    await snap(page);

    // Every number explains itself.
    await card(page, "Containment").getByRole("button", { name: "How Containment is counted" }).hover();
    await page.getByRole("tooltip").filter({ hasText: "resolved without a person" }).waitFor({ state: "visible" });
    await snap(page);
    await page.getByText("How these numbers are counted").click();
    await page.locator(".definitions").getByText("Preview runs from the flow builder are never counted.").waitFor();
    await snap(page);
  });

  it("switches range, flow and team, and explains a bad custom range", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await openAnalytics(page);
    await chartsDrawn(page);

    await page.getByRole("link", { name: "7 days" }).click();
    await page.waitForURL(/range=7d/);
    await expect.poll(() => page.getByRole("link", { name: "7 days" }).getAttribute("aria-current")).toBe("true");
    expect(Number((await cardValue(page, "Conversations"))?.replace(/,/g, ""))).toBeLessThan(total);

    await page.getByLabel("Flow").selectOption({ label: "Store support" });
    await page.waitForURL(/flow=store-support/);
    const funnel = page.getByRole("region", { name: "Node funnel" });
    // A step reads as the lead built it (its kind and its question), its id muted beneath for the CSV.
    const askRow = funnel.locator('tr[data-node="ask-order-id"]');
    await askRow.waitFor();
    expect(await askRow.locator(".node-name").textContent()).toMatch(/^Ask for information: Sure! What's your 10-digit order number\?/);
    expect(await askRow.locator(".node-id").textContent()).toBe("ask-order-id");
    expect(await askRow.locator(".node-id").getAttribute("title")).toBe("Step id (as in the CSV export)");
    expect(await funnel.locator("tbody tr").count()).toBeGreaterThan(10);
    const handoffNodes = page.locator(".breakdown-card").filter({ hasText: "Escalations by node" });
    const handoffNames = await handoffNodes.locator(".node-name").allTextContents();
    expect(handoffNames.length).toBeGreaterThan(0);
    for (const name of handoffNames) expect(name, "a step named by its id").not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await funnel.scrollIntoViewIfNeeded();
    await snap(page);

    await page.getByLabel("Team").selectOption({ label: "Billing" });
    await page.waitForURL(/team=billing/);
    expect(new URL(page.url()).searchParams.get("flow")).toBe("store-support");
    await page.getByText("Store support · Billing").waitFor();

    await page.getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From", { exact: true }).fill("2026-03-10");
    await page.getByLabel("To", { exact: true }).fill("2026-03-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("alert").filter({ hasText: "The first day is after the last day" }).waitFor();
    await snap(page);

    await page.getByLabel("From", { exact: true }).fill("2026-02-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/range=custom/);
    await page.locator(".page-header").getByText("Feb 1 – Mar 1, 2026 · Store support · Billing").waitFor();
    await page.getByRole("heading", { name: "No conversations in this range" }).waitFor();
  });

  it("fits a 1280 px screen: no admin page scrolls sideways, every definition opens inside the page", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.setViewportSize(DESKTOP);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    for (const pathname of ["/flows", "/inbox", "/kb", "/teams"]) {
      await page.goto(pathname);
      await page.locator("h1, .inbox-empty, .empty-state").first().waitFor();
      expect(await sideways(), pathname).toBe(0);
    }
    await openAnalytics(page);
    await chartsDrawn(page);
    expect(await sideways()).toBe(0);
    const hints = page.locator(".metric-card .metric-hint-button");
    expect(await hints.count()).toBe(8);
    for (const hint of await hints.all()) {
      await hint.hover();
      const tooltip = page.locator(`[id="${await hint.getAttribute("aria-describedby")}"]`);
      await expect.poll(() => tooltip.evaluate((element) => getComputedStyle(element).visibility)).toBe("visible");
      const box = (await tooltip.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(DESKTOP.width);
    }
    await snap(page);
  });

  it("keeps each trigger's count on one line after its bar, and writes every tooltip line at 4.5:1 or more", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    // The scripted day: its longest bar reaches the axis' end (4 of 4), where "160 · 73%" wrapped onto two lines.
    await openAnalytics(page, SCRIPTED);
    const triggers = page.locator(".chart-card", { has: page.getByRole("heading", { name: "Escalations by trigger" }) });
    const labels = triggers.locator(".recharts-label-list text");
    await expect.poll(() => labels.count()).toBeGreaterThan(0);
    const drawn = await triggers.evaluate((chart) => {
      const bars = [...chart.querySelectorAll(".recharts-bar-rectangle")].map((bar) => bar.getBoundingClientRect());
      return [...chart.querySelectorAll(".recharts-label-list text")].map((text, index) => {
        const svg = (text as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
        const box = text.getBoundingClientRect();
        const bar = bars[index];
        return {
          text: text.textContent,
          lines: text.querySelectorAll("tspan").length || 1,
          oneLineHigh: box.height < 20,
          inside: box.right <= svg.right + 0.5,
          // After its own bar, on the bar's middle line.
          afterBar: box.left >= bar.right - 0.5,
          onBarLine: Math.abs(box.top + box.height / 2 - (bar.top + bar.height / 2)) < 4,
        };
      });
    });
    for (const label of drawn) {
      expect(label, label.text ?? "").toMatchObject({ text: expect.stringMatching(/^[\d,]+ · \d+%$/), lines: 1, oneLineHigh: true, inside: true, afterBar: true, onBarLine: true });
    }
    await triggers.scrollIntoViewIfNeeded();
    await snap(page);

    // The outcome chart's tooltip, on the seeded month: "Left with the bot" was #cbd5e1 on white (1.5:1).
    await openAnalytics(page);
    await chartsDrawn(page);
    const volume = page.locator(".chart-card", { has: page.getByRole("heading", { name: "Conversations per day" }) });
    await volume.scrollIntoViewIfNeeded();
    const plot = (await volume.locator(".recharts-cartesian-grid").boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height * 0.5);
    await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height * 0.5, { steps: 4 });
    const items = volume.locator(".recharts-tooltip-item");
    await expect.poll(() => items.allTextContents()).toContainEqual(expect.stringContaining("Left with the bot"));
    const contrasts = await items.evaluateAll((lines) => {
      const parse = (value: string) => value.match(/[\d.]+/g)!.slice(0, 3).map(Number);
      const luminance = (rgb: number[]) => {
        const [R, G, B] = rgb.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      return lines.map((line) => {
        let behind: Element | null = line;
        let background = "rgb(255, 255, 255)";
        while (behind) {
          const colour = getComputedStyle(behind).backgroundColor;
          if (!colour.startsWith("rgba") && colour !== "transparent") {
            background = colour;
            break;
          }
          behind = behind.parentElement;
        }
        const [light, dark] = [luminance(parse(getComputedStyle(line).color)), luminance(parse(background))].sort((a, b) => b - a);
        return { line: line.textContent, ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 };
      });
    });
    expect(contrasts.length).toBe(3);
    for (const measured of contrasts) expect(measured.ratio, `${measured.line}: ${measured.ratio}:1`).toBeGreaterThanOrEqual(4.5);
    await snap(page);
  });

  it("downloads the daily metrics as CSV", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await openAnalytics(page, "?range=7d");
    await page.getByText("Export CSV").click();
    const downloaded = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Daily metrics" }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^baton-analytics-daily-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await downloadedText(download)).trim().split("\n");
    expect(lines[0]).toMatch(/^date,conversations,contained,containment_rate,escalated,escalation_rate,/);
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines.at(-1)).toMatch(/^total,\d+,/);
  });

  it("shows an agent only their team and refuses another team", async () => {
    const { page } = e2e;
    await signIn(page, "ana@baton.local");
    await openAnalytics(page);
    await chartsDrawn(page);
    expect(await page.getByLabel("Team").locator("option").allTextContents()).toEqual(["Support"]);
    expect(await cardValue(page, "Conversations")).toBe(supportVisible.toLocaleString("en-US"));
    expect(supportVisible).toBeLessThan(total);
    await snap(page);

    const refused = await page.goto("/analytics?team=billing");
    expect(refused?.status()).toBe(403);
    await page.getByRole("heading", { name: "You don't have access to this page" }).waitFor();
    await page.getByText("You can see the analytics of your own teams only: Analytics in the menu shows them.").waitFor();
    expect(await page.getByText("This page is for admins").count()).toBe(0);
    await snap(page);
    expect((await page.request.get("/analytics/export?team=billing")).status()).toBe(403);
    const flow = await e2e.app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true } });
    expect((await page.request.get(`/api/analytics/flows/${flow.id}/nodes`)).status()).toBe(403);
  });

  it("leaves no handoff out: closed or handed back without a reply, resolved by a person or closed by the bot", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await openAnalytics(page, SCRIPTED);
    expect(await cardValue(page, "Escalation rate")).toBe("100%");
    // Two replies, after 4 and 6 minutes; the other two handoffs are named, not dropped.
    expect(await cardValue(page, "First human response")).toBe("5m 00s");
    const firstResponse = card(page, "First human response").locator(".metric-detail");
    expect((await firstResponse.textContent())?.trim()).toBe("p90 5m 48s · 0 still waiting · 1 closed without a reply · 1 handed back without a reply");
    expect(await cardValue(page, "Resolved after handoff")).toBe("75%");
    const resolved = card(page, "Resolved after handoff").locator(".metric-detail");
    expect(await resolved.textContent()).toBe("3 of 4 handoffs by a person1 closed by the bot after a hand-back");
    await card(page, "Resolved after handoff").scrollIntoViewIfNeeded();
    await snap(page);

    await page.getByText("How these numbers are counted").click();
    const definitions = page.locator(".definitions");
    await definitions.getByText("closed without a reply (a person resolved it without ever replying)", { exact: false }).waitFor();
    await definitions.getByText("Closed by the bot after a hand-back", { exact: true }).waitFor();
    await definitions.getByText("A handoff moved to another team before anyone replied is credited to both", { exact: false }).scrollIntoViewIfNeeded();
    await snap(page);
  });

  it("credits a handoff moved before any reply to the team it was handed to and to the team that finished it", async () => {
    const { page } = e2e;
    await signIn(page, "ana@baton.local");
    await openAnalytics(page, SCRIPTED);
    // Support was handed all four, though Billing finished one.
    expect(await cardValue(page, "Conversations")).toBe("4");
    expect((await card(page, "First human response").locator(".metric-detail").textContent())?.trim()).toMatch(/1 closed without a reply · 1 handed back without a reply$/);
    await snap(page);

    await e2e.context.clearCookies();
    await signIn(page, "ben@baton.local");
    await openAnalytics(page, SCRIPTED);
    expect(await cardValue(page, "Conversations")).toBe("1");
    expect(await cardValue(page, "Resolved after handoff")).toBe("100%");
  });

  it("serves the node funnel for the canvas to an admin", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    const flow = await e2e.app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true } });
    const response = await page.request.get(`/api/analytics/flows/${flow.id}/nodes?range=30d`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { conversations: number; nodes: Array<{ nodeId: string; passed: number }> };
    expect(body.conversations).toBeGreaterThan(100);
    expect(body.nodes.find((node) => node.nodeId === "start")?.passed).toBe(body.conversations);
  });
});
