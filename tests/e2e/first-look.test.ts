/**
 * What a new support lead met in a first look at the builder, the knowledge base, analytics and
 * the flow list in 1280×800 and 1024×768 windows: a starter opening with its first and last steps
 * off the canvas, a clicked step landing under the side panel, focus dropped after "Add",
 * a table clipped by its card, header buttons stacked and pills wrapping.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { VAGUE_LINES } from "~/nodes/shared/demo";
import { signIn, snap, useE2E } from "./harness";
import { canvasBox, card, fitView, openStarterCopy, selectCard, viewportZoom } from "./builder-helpers";

// The demo history gives /analytics its escalation tables.
const e2e = useE2E({ demoHistory: true });
const SMALL = { width: 1024, height: 768 };

/** Whether every card (or the given ones) lies wholly inside the canvas. */
async function cardsInsideCanvas(page: Page, ids?: string[]) {
  const box = await canvasBox(page);
  return page.locator(".react-flow__node").evaluateAll(
    (nodes, { box, ids }) =>
      nodes
        .filter((node) => !ids || ids.includes(node.getAttribute("data-id") ?? ""))
        .every((node) => {
          const rect = node.getBoundingClientRect();
          return rect.left >= box.x - 1 && rect.top >= box.y - 1 && rect.right <= box.x + box.width + 1 && rect.bottom <= box.y + box.height + 1;
        }),
    { box, ids },
  );
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.id ?? document.activeElement?.tagName);
const right = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator}`);
  return box.x + box.width;
};

describe("the canvas", () => {
  it("fits a starter whole, Start to End, in a 1024 px window and in a 1280 px one, and opens it on its Start at a readable zoom", async () => {
    const { page } = e2e;
    // Refunds and returns is the widest starter: at the old 0.2 zoom floor its Start sat under the palette even at 1280.
    // openStarterCopy clicks fit view.
    await openStarterCopy(page, "Refunds at 1280", "Refunds and returns");
    await expect.poll(() => cardsInsideCanvas(page)).toBe(true);
    await page.setViewportSize(SMALL);
    await page.goto("/flows");
    await page.getByRole("link", { name: "Store support" }).first().click();
    await card(page, "start").waitFor();
    // A flow opens where it begins, readable (builder-laptop-phone.test.ts); fit view shows all of it.
    await expect.poll(() => viewportZoom(page)).toBeGreaterThanOrEqual(0.6);
    await expect.poll(() => cardsInsideCanvas(page, ["start"])).toBe(true);
    await fitView(page);
    await expect.poll(() => cardsInsideCanvas(page)).toBe(true);
    await snap(page);
  });

  it("brings a clicked step into view when it lands beside a selected step whose outputs are all taken", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Click to add");
    // "rephrase" sends its only output back to the intent step: the new step goes to its right, unconnected.
    await selectCard(page, "rephrase");
    // Esc in its form brings the step to the middle of the canvas at a readable zoom, as after editing it.
    await page.locator(".builder-panel textarea").first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".react-flow__viewport").evaluate((viewport) => new DOMMatrix(getComputedStyle(viewport).transform).a)).toBeGreaterThan(0.85);
    await page.locator('.palette-item[data-kind="message"]').click();
    // The canvas renders only the cards in view, so the new card is found by its selection, not by counting.
    await expect.poll(() => page.locator(".node-card.is-selected").first().getAttribute("data-node-id")).toMatch(/^message/);
    const added = (await page.locator(".node-card.is-selected").first().getAttribute("data-node-id")) as string;
    await expect.poll(async () => (await card(page, added).count()) === 1 && (await cardsInsideCanvas(page, [added]))).toBe(true);
    await snap(page);
  });

  it("puts the focus in a new intent's name, selected, so typing names it", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Intent names");
    await page.locator('.palette-item[data-kind="intent"]').click();
    const panel = page.locator(".builder-panel");
    for (const name of ["track order", "cancel order", "talk to human"]) {
      await panel.getByRole("button", { name: "Add intent" }).click();
      await page.keyboard.type(name);
      await panel.getByLabel("Example phrases (one per line)").last().fill("first phrase");
    }
    const names = await panel.getByLabel("Intent name").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(names).toEqual(["track_order", "cancel_order", "talk_to_human"]);
    await expect(panel.getByLabel("Example phrases (one per line)").last().inputValue()).resolves.toBe("first phrase");
    await snap(page);
  });
});

describe("the intent step's test box in a 1024×768 window", () => {
  it("scrolls the panel to show the ranking when it arrives below the fold", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Tester at 1024");
    await page.setViewportSize(SMALL);
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    await page.locator('.palette-item[data-kind="intent"]').click();
    const panel = page.locator(".builder-panel");
    const intents: Array<[string, string[]]> = [
      ["track order", ["where is my order", "has my parcel shipped", "tracking number please", "when does my package arrive", "order not here yet"]],
      ["cancel order", ["cancel my order", "I want to cancel", "stop my order", "please cancel it", "cancel the purchase"]],
    ];
    for (const [name, phrases] of intents) {
      await panel.getByRole("button", { name: "Add intent" }).click();
      await page.keyboard.type(name);
      await panel.getByLabel("Example phrases (one per line)").last().fill(phrases.join("\n"));
    }
    const tester = panel.getByLabel("Test a phrase");
    // A person scrolls until the box shows, then types: the box is at the bottom of the panel.
    await tester.evaluate((input) => input.scrollIntoView({ block: "end" }));
    await tester.fill("where is my parcel");
    const verdict = panel.locator(".intent-tester-verdict");
    await verdict.waitFor();
    const shown = async () => {
      const area = await panel.boundingBox();
      const box = await panel.locator(".intent-tester-ranking").boundingBox();
      return !!area && !!box && box.y >= area.y && box.y + box.height <= area.y + area.height + 1;
    };
    await expect.poll(shown).toBe(true);
    await snap(page);
  });
});

describe("the builder's toolbar in a 1024 px window", () => {
  it("shows the save state whole beside the longest status, the Analytics button as an icon with its name", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Toolbar at 1024");
    await page.setViewportSize(SMALL);
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    await fitView(page);
    // The longest status: published, then changed.
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => page.locator(".builder-state .badge").textContent()).toBe("Published v1");
    // The notice takes the canvas's width before it wraps (it was capped at half: a four-line oval).
    const notice = await page.locator(".builder-notice").boundingBox();
    expect(notice?.height).toBeLessThan(64);
    await selectCard(page, "rephrase");
    await page.locator(".builder-panel textarea").first().fill("Sorry, I didn't get that. Could you say it another way?");
    await expect.poll(() => page.locator(".builder-state .badge").textContent()).toBe("v1 live · unpublished changes");
    const saveState = page.locator(".save-state");
    await expect.poll(() => saveState.textContent()).toBe("Saved");
    const truncated = await saveState.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(truncated).toBe(false);
    await expect(page.getByRole("button", { name: "Analytics", exact: true }).isVisible()).resolves.toBe(true);
    await snap(page);
  });
});

describe("the knowledge base editor", () => {
  it("keeps the focus in the new-question box after clicking Add, ready for the next question", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.goto("/kb/new");
    const box = page.getByRole("textbox", { name: "New example question" });
    await box.fill("can I buy gift cards in bulk?");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => focusedLabel(page)).toBe("New example question");
    await page.keyboard.type("do you invoice companies?");
    await page.keyboard.press("Enter");
    const questions = await page.getByRole("list", { name: "Example questions" }).getByRole("textbox").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(questions).toEqual(["can I buy gift cards in bulk?", "do you invoice companies?"]);
  });
});

describe("the knowledge base's questions the bot couldn't answer, on the demo history", () => {
  it("lists real questions first, counts the vague replies apart and shows them on request", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "admin@baton.local");
    await page.goto("/kb");
    const gaps = page.getByRole("region", { name: "Questions the bot couldn't answer" });
    const rows = gaps.getByRole("listitem");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(5);
    // The demo customers' vague lines ("not sure", "hmm") are frequent, but none is a gap to fill.
    const questions = (await rows.locator(".kb-unanswered-question").allInnerTexts()).map((text) => text.replace(/^“|”$/g, ""));
    expect(questions.filter((question) => VAGUE_LINES.includes(question))).toEqual([]);
    const footer = await gaps.locator(".kb-unanswered-footer").innerText();
    expect(footer).toMatch(/Show all \d+ questions[\s\S]*\d+ short replies \(“not sure”, “ok”, a greeting\) hidden · Show them/);
    await snap(page);

    await gaps.getByRole("link", { name: "Show them" }).click();
    await page.waitForURL((url) => url.pathname === "/kb/unanswered" && url.search === "?short=1");
    const full = page.getByRole("region", { name: "Questions the bot couldn't answer" });
    await full.getByRole("listitem").filter({ hasText: "“not sure”" }).waitFor();
    await expect(full.getByRole("link", { name: "Hide short replies" }).isVisible()).resolves.toBe(true);
    await expect(full.getByRole("listitem").filter({ hasText: "“not sure”" }).innerText()).resolves.toMatch(/no answer · .* · short reply/);
    await snap(page);
    // 25 at a time: "Show N more" adds the rest, the short replies still in.
    const total = Number((await full.locator(".kb-unanswered-count").innerText()).match(/^\d+/)![0]);
    expect(total).toBeGreaterThan(25);
    await expect(full.getByRole("listitem").count()).resolves.toBe(25);
    await full.getByRole("link", { name: `Show ${Math.min(25, total - 25)} more` }).click();
    await expect.poll(() => full.getByRole("listitem").count()).toBe(Math.min(total, 50));
    expect(new URL(page.url()).searchParams.get("short")).toBe("1");
    await snap(page);
  });
});

describe("a 1024 px window", () => {
  it("shows the escalation tables whole inside their cards on /analytics", async () => {
    const { page } = e2e;
    await page.setViewportSize(SMALL);
    await signIn(page, "admin@baton.local");
    await page.goto("/analytics");
    const table = page.locator(".trigger-table");
    const lastHeader = table.getByRole("columnheader", { name: "Of all conversations" });
    await lastHeader.waitFor();
    const cardOf = table.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' card ')][1]");
    expect(await right(lastHeader)).toBeLessThanOrEqual(await right(cardOf));
    const clipped = await page.locator(".breakdown-card table").evaluateAll((tables) => tables.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1).length);
    expect(clipped).toBe(0);
  });

  it("keeps the flow list's header buttons on one line and each status pill on one line", async () => {
    const { page } = e2e;
    await page.setViewportSize(SMALL);
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    await page.getByRole("button", { name: "New flow" }).waitFor();
    // "Import" (a file picker's label) and "New flow": side by side, not one above the other.
    const tops = await page.locator(".page-header > .row .btn").evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    expect(tops).toHaveLength(2);
    expect(Math.abs(tops[0] - tops[1])).toBeLessThan(2);
    const pills = page.locator("section[aria-label='Flows'] .badge");
    expect(await pills.count()).toBeGreaterThan(0);
    const wrapped = await pills.evaluateAll((badges) => badges.filter((badge) => badge.getClientRects().length !== 1 || badge.scrollHeight > badge.clientHeight + 1).map((badge) => badge.textContent));
    expect(wrapped).toEqual([]);
  });
});
