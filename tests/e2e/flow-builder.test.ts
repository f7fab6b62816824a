/**
 * The flow builder in a real browser at 1280×800, as a support lead uses it: a flow built from an
 * empty canvas by dragging steps out of the palette and connecting outputs with the mouse, the
 * forms filled in, a diagnostic appearing and going away, publishing, then a customer chatting
 * with the published flow on its chat page until it hands off to the team's queue.
 */
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, connectHandles, dropFromPalette, fitView, saveState, selectCard } from "./builder-helpers";

const e2e = useE2E();

async function createBlankFlow(name: string) {
  const { page } = e2e;
  await page.setViewportSize(BUILDER_VIEWPORT);
  await signIn(page, "admin@baton.local");
  await page.goto("/flows");
  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.waitForURL(/\/flows\/[^/]+$/);
  await page.locator(".canvas-empty").waitFor();
  return new URL(page.url()).pathname.split("/").pop() as string;
}

const panel = () => e2e.page.locator(".builder-panel");

describe("building a flow on the canvas", () => {
  it("builds, checks and publishes a flow from an empty canvas, then a customer chats with it until it hands off", async () => {
    const { page, app } = e2e;
    const flowId = await createBlankFlow("Order help");
    await expect(page.locator(".problem-item").first().textContent()).resolves.toContain("The flow has no Start step.");

    // Six kinds out of the palette, dropped where they should go.
    const start = await dropFromPalette(page, "start", { x: 120, y: 90 });
    const intent = await dropFromPalette(page, "intent", { x: 340, y: 110 });
    const collect = await dropFromPalette(page, "collect", { x: 560, y: 90 });
    const kb = await dropFromPalette(page, "kb", { x: 340, y: 380 });
    const gate = await dropFromPalette(page, "gate", { x: 560, y: 360 });
    const escalate = await dropFromPalette(page, "escalate", { x: 340, y: 620 });
    const end = await dropFromPalette(page, "end", { x: 560, y: 600 });
    expect([start, intent, collect, kb, gate, escalate, end]).toEqual(["start", "intent", "collect", "kb", "gate", "escalate", "end"]);
    // A flow has one start: the palette says so instead of offering a second.
    await expect(page.locator('.palette-item[data-kind="start"]').isDisabled()).resolves.toBe(true);

    // The intent step: two intents with example phrases; its card grows an output per intent.
    await selectCard(page, intent);
    await panel().getByRole("button", { name: "Add intent" }).click();
    await panel().getByRole("button", { name: "Add intent" }).click();
    const intents = panel().locator("details.intent-item");
    await intents.nth(0).getByLabel("Intent name", { exact: true }).fill("order_status");
    await intents.nth(0).getByLabel("Example phrases (one per line)", { exact: true }).fill("where is my order\nmy order has not arrived\ntrack my package\nwhen will my order arrive\nhas my parcel shipped yet");
    await intents.nth(1).getByLabel("Intent name", { exact: true }).fill("return question");
    await intents.nth(1).getByLabel("Example phrases (one per line)", { exact: true }).fill("how do returns work\nwhat is your refund policy\ncan I send an item back\nhow long do I have to return something\nI want to return a jacket");
    // "return question" is typed like words: the name becomes an identifier, the card shows words.
    await expect(intents.nth(1).getByLabel("Intent name", { exact: true }).inputValue()).resolves.toBe("return_question");
    await expect.poll(() => card(page, intent).locator(".node-output").allTextContents()).toEqual(["order status", "return question", "Not sure"]);
    await snap(page);

    // The collect step: its empty question is a diagnostic on the card, until it is written.
    await selectCard(page, collect);
    await expect(panel().getByText("Write the question the bot asks.").isVisible()).resolves.toBe(true);
    await expect(card(page, collect).locator(".node-badge-error").getAttribute("title")).resolves.toContain("Write the question the bot asks.");
    await snap(page);
    await panel().getByLabel("Question", { exact: true }).fill("What is your order number?");
    await panel().getByLabel("Save the answer as", { exact: true }).fill("order number");
    await expect.poll(() => panel().getByText("Write the question the bot asks.").count()).toBe(0);
    await expect.poll(() => card(page, collect).locator(".node-badge").getAttribute("title")).not.toContain("Write the question the bot asks.");
    await expect(card(page, collect).locator(".node-meta").textContent()).resolves.toContain("{{order_number}}");

    await selectCard(page, gate);
    await panel().getByLabel("Check", { exact: true }).selectOption("kb");
    await selectCard(page, escalate);
    await panel().getByLabel("Team", { exact: true }).selectOption("support");
    await panel().getByLabel("Priority", { exact: true }).selectOption("high");
    await panel().getByLabel("Reason (for the agent)", { exact: true }).fill("Order enquiry");
    await panel().getByLabel("What the customer is told", { exact: true }).fill("Thanks! Our support team will look into order {{order_number}} and reply here.");
    await expect(panel().locator(".template-preview-bubble").textContent()).resolves.toBe("Thanks! Our support team will look into order order number and reply here.");

    // Connect every output with the mouse: one drag per connection.
    await fitView(page);
    await connectHandles(page, start, "next", intent);
    await connectHandles(page, intent, "order_status", collect);
    await connectHandles(page, intent, "return_question", kb);
    await connectHandles(page, intent, "unsure", escalate);
    await connectHandles(page, collect, "captured", escalate);
    await connectHandles(page, collect, "failed", escalate);
    await connectHandles(page, kb, "answered", gate);
    await connectHandles(page, kb, "notFound", escalate);
    await connectHandles(page, kb, "notHelpful", escalate);
    await connectHandles(page, gate, "confident", end);
    await connectHandles(page, gate, "notConfident", escalate);
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await expect.poll(() => page.locator(".problems-button").textContent()).toBe("No problems");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    await snap(page);

    // What was saved is what the canvas shows.
    const saved = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(saved.nodes.map((node: { id: string }) => node.id)).toEqual(["start", "intent", "collect", "kb", "gate", "escalate", "end"]);
    expect(saved.edges).toHaveLength(11);
    expect(saved.edges.find((edge: { source: string; sourceHandle: string }) => edge.source === "intent" && edge.sourceHandle === "order_status")).toMatchObject({ id: "intent-order_status", target: "collect" });

    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published version 1.").waitFor();
    await expect(page.locator(".builder-state .badge").textContent()).resolves.toBe("Published v1");
    const version = await app.db.flowVersion.findFirstOrThrow({ where: { flowId, number: 1 }, select: { publishedBy: { select: { email: true } } } });
    expect(version.publishedBy?.email).toBe("admin@baton.local");

    // A customer on the chat page.
    await page.goto("/chat/order-help");
    await page.getByText("Hi! How can I help you today?").waitFor();
    const composer = page.getByRole("textbox", { name: "Message" });
    await composer.fill("Where is my order? It has not arrived yet");
    await composer.press("Enter");
    await page.getByText("What is your order number?").waitFor();
    await composer.fill("A-12345");
    await composer.press("Enter");
    await page.getByText("Our support team will look into order A-12345").waitFor();
    await snap(page);

    const conversation = await app.db.conversation.findFirstOrThrow({
      where: { flow: { slug: "order-help" } },
      select: { status: true, channel: true, priority: true, handoffReason: true, fields: true, team: { select: { slug: true } } },
    });
    expect(conversation).toMatchObject({ status: "waiting", channel: "web", priority: 2, handoffReason: "Order enquiry", team: { slug: "support" } });
    expect(JSON.parse(conversation.fields)).toMatchObject({ order_number: "A-12345" });
  });
});
