/**
 * The intent step's "Messages this step wasn't sure about", end to end: customers say things the
 * Store support flow's "topic" step is unsure about on the chat page (then looked up in the help
 * centre); the lead opens the step,
 * files one under the right intent (an edit of the draft), dismisses another, publishes, and the
 * same message now routes to that intent in the preview.
 */
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, saveState, selectCard } from "./builder-helpers";
import { say } from "./inbox-helpers";

const e2e = useE2E();
const panel = () => e2e.page.locator(".builder-panel");

const FILED = "my coat zipper snapped after two days";
const DISMISSED = "do you have a store in Lisbon";

describe("messages the intent step wasn't sure about", () => {
  it("are filed under an intent in the draft, dismissed for good, and the filed one routes to its intent once published", async () => {
    const { page, app } = e2e;
    const flow = await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true } });
    const classifiedCount = () => app.db.event.count({ where: { flowId: flow.id, type: "intent.classified", nodeId: "topic" } });

    // Two customers on the chat page, one message each: what the step is unsure about is looked up
    // in the help centre, which may answer and ask "Did this help?", so a second message in the same
    // chat would not reach the step again.
    for (const [index, text] of [FILED, DISMISSED].entries()) {
      const customer = await openPage(e2e.browser, app.baseUrl, `customer ${index + 1} the step is unsure about`);
      try {
        await customer.page.goto("/chat/store-support");
        await customer.page.getByText("I'm the Threads & Co. assistant").waitFor();
        const botBubbles = customer.page.locator(".chat-bubble--bot");
        const before = await botBubbles.count();
        await say(customer.page, text);
        await expect.poll(classifiedCount, { timeout: 15_000 }).toBe(index + 1);
        await expect.poll(() => botBubbles.count()).toBeGreaterThan(before);
        await snap(customer.page);
      } finally {
        await customer.close();
      }
      expect(customer.errors).toEqual([]);
    }

    // The lead opens the step. Every list asked for is recorded, by its threshold in percent.
    const askedPercents: number[] = [];
    const percentAsked = (address: string) => {
      const url = new URL(address);
      return url.pathname.endsWith("/intent-review") ? Math.round(Number(url.searchParams.get("threshold")) * 100) : null;
    };
    page.on("request", (request) => {
      const percent = request.method() === "GET" ? percentAsked(request.url()) : null;
      if (percent !== null) askedPercents.push(percent);
    });
    const listedAt = (percent: number) => page.waitForResponse((response) => response.request().method() === "GET" && percentAsked(response.url()) === percent);
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    await page.goto(`/flows/${flow.id}`);
    await page.locator(".react-flow__node").first().waitFor();
    await selectCard(page, "topic");
    const review = panel().getByRole("region", { name: "Messages this step wasn't sure about" });
    const row = (text: string) => review.getByRole("listitem").filter({ hasText: `“${text}”` });
    await row(FILED).waitFor();
    await row(DISMISSED).waitFor();
    await expect(row(FILED).textContent()).resolves.toMatch(/(Not sure|Taken) · top guess [a-z ]+ (\d+%|<1%)/);
    // The list says its cut-off from the step's own threshold (50% here), and follows the slider.
    const scope = review.locator(".hint").first();
    expect(await scope.textContent()).toContain("went to “Not sure” (under this step's 50%) or was taken at under 80%.");
    await review.scrollIntoViewIfNeeded();
    await snap(page);
    const threshold = panel().getByLabel("Confidence needed");
    await threshold.focus();
    const listedAt85 = listedAt(85);
    for (let step = 0; step < 7; step += 1) await threshold.press("ArrowRight");
    await listedAt85;
    await expect.poll(() => scope.textContent()).toContain("went to “Not sure” (under this step's 85%).");
    await row(FILED).waitFor();
    await snap(page);
    const listedAt80 = listedAt(80);
    for (let step = 0; step < 7; step += 1) await threshold.press("ArrowLeft");
    await listedAt80;
    await expect.poll(() => scope.textContent()).toContain("(under this step's 50%) or was taken at under 80%.");
    // Each list is a scan of the events: asked again only when the cut-off changes (80% → 85% →
    // 80%), not at every 5% step of the slider below 80%, where the list stays the same.
    expect(askedPercents).toEqual([80, 85, 80]);

    // Filed under "refund" (whatever the bot guessed): an edit of the draft, saved like a typed one.
    await row(FILED).getByLabel("Add to").selectOption("refund");
    await row(FILED).getByRole("button", { name: /^Add / }).click();
    await row(FILED).getByText("Already an example of refund").waitFor();
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flow.id }, select: { draft: true } })).draft) as { nodes: Array<{ id: string; data: { intents: Array<{ name: string; examples: string[] }> } }> };
    const refund = draft.nodes.find((node) => node.id === "topic")!.data.intents.find((intent) => intent.name === "refund")!;
    expect(refund.examples.at(-1)).toBe(FILED);
    // The form shows it among the intent's example phrases.
    await panel().locator(".intent-item-summary", { hasText: "refund" }).click();
    await expect.poll(() => panel().locator(".intent-item[open]").getByLabel("Example phrases (one per line)").inputValue()).toContain(FILED);

    // Dismissed: gone now and after a reload (stored on the server).
    await row(DISMISSED).getByRole("button", { name: /^Dismiss / }).click();
    await expect.poll(() => row(DISMISSED).count()).toBe(0);
    await review.scrollIntoViewIfNeeded();
    await snap(page);

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(/Published version \d+\./).waitFor();

    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    await selectCard(page, "topic");
    await row(FILED).getByText("Already an example of refund").waitFor();
    await expect(row(DISMISSED).count()).resolves.toBe(0);

    // The same message now routes to "refund" in the preview of the published flow.
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await panel().getByText("I'm the Threads & Co. assistant").waitFor();
    const preview = panel().getByRole("textbox", { name: "Message" });
    await preview.fill(FILED);
    await preview.press("Enter");
    await expect.poll(() => panel().locator(".preview-inspector").textContent(), { timeout: 15_000 }).toMatch(/Intentrefund\s*\d+% confident/);
    // …and the preview's path goes on from the step's "refund" output.
    await expect.poll(() => card(page, "refund-gate").locator(".node-card.is-visited, .node-card.is-active").count()).toBe(1);
    await snap(page);
  });
});
