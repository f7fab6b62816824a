/**
 * The intent step's "Did you mean…?", end to end: a support lead turns the switch on for the
 * Store support flow's "topic" step (off there, as in every step saved before it existed) and
 * publishes; a customer on the hosted chat page writes something the step only half understands,
 * is offered the closest intent as a quick reply, taps it and lands on that intent's branch.
 * Another customer declines the offer and asks for a person: the agent's transcript shows the
 * buttons they saw and that they declined, and the handoff details list the offer. Back in the
 * builder, the step's review list says the customer picked Order status for that message and
 * the lead adds it to that intent's examples in one click.
 */
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, saveState, selectCard } from "./builder-helpers";
import { askForPerson, conversationIdOf, inboxHelpers, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);
const panel = () => e2e.page.locator(".builder-panel");

// The real classifier ranks order_status first for it, at about 26 %: under the step's 50 %, over the offer's floor.
const HALF_UNDERSTOOD = "any news about my purchase";

describe("Did you mean…? at the intent step", () => {
  it("is switched on in the builder, published, and a customer's tap on the offered intent takes its branch", async () => {
    const { page, app } = e2e;
    const flow = await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true } });
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    await page.goto(`/flows/${flow.id}`);
    await page.locator(".react-flow__node").first().waitFor();
    await selectCard(page, "topic");
    const toggle = panel().getByRole("switch", { name: "Ask “Did you mean…?” when unsure" });
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.check({ force: true });
    await expect.poll(() => card(page, "topic").locator(".node-meta").textContent()).toBe("Asks “Did you mean…?” when unsure");
    const savedSwitch = async () => {
      const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flow.id }, select: { draft: true } })).draft);
      return draft.nodes.find((node: { id: string }) => node.id === "topic").data.offerChoices;
    };
    await expect.poll(savedSwitch, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    // The form's tester says what the customer will be asked.
    await panel().getByLabel("Test a phrase").fill(HALF_UNDERSTOOD);
    await expect.poll(() => panel().locator(".intent-tester-verdict").textContent(), { timeout: 15_000 }).toBe("Asks “Did you mean…?” with Order status (no intent reaches 50%)");
    await toggle.scrollIntoViewIfNeeded();
    await snap(page);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(/Published version \d+\./).waitFor();

    const customer = await openPage(e2e.browser, app.baseUrl, "customer offered Did you mean");
    try {
      await customer.page.goto("/chat/store-support");
      await customer.page.getByText("I'm the Threads & Co. assistant").waitFor();
      await say(customer.page, HALF_UNDERSTOOD);
      await customer.page.getByText("Did you mean one of these?").waitFor({ timeout: 15_000 });
      const choices = customer.page.getByRole("group", { name: /suggested replies/i });
      await expect.poll(() => choices.getByRole("button").allTextContents()).toEqual(["Order status", "Something else"]);
      await snap(customer.page);
      await choices.getByRole("button", { name: "Order status" }).click();
      // The order_status branch: the step that asks for the order number.
      await customer.page.getByText("What's your 10-digit order number?").waitFor({ timeout: 15_000 });
      await snap(customer.page);
    } finally {
      await customer.close();
    }
    expect(customer.errors).toEqual([]);

    const confirmed = await app.db.event.findFirstOrThrow({ where: { flowId: flow.id, type: "intent.confirmed", nodeId: "topic" }, select: { payload: true } });
    expect(JSON.parse(confirmed.payload)).toMatchObject({ intent: "order_status", text: HALF_UNDERSTOOD });
    const entered = await app.db.event.findFirstOrThrow({ where: { flowId: flow.id, type: "node.entered", nodeId: "ask-order-id" }, select: { payload: true } });
    expect(JSON.parse(entered.payload)).toMatchObject({ fromNodeId: "topic", fromHandle: "order_status" });

    // Another customer declines the offer, then asks for a person.
    const decliner = await customerPage("declines Did you mean");
    const ana = await agentPage("ana@baton.local", "declined Did you mean ana");
    try {
      await say(decliner.page, HALF_UNDERSTOOD);
      await decliner.page.getByText("Did you mean one of these?").waitFor({ timeout: 15_000 });
      await decliner.page.getByRole("group", { name: "Suggested replies" }).getByRole("button", { name: "Something else" }).click();
      await expect.poll(() => app.db.event.count({ where: { flowId: flow.id, type: "intent.declined" } }), { timeout: 15_000 }).toBe(1);
      await askForPerson(decliner.page);
      const id = await conversationIdOf(decliner.page);

      await ana.page.goto(`/inbox/${id}`);
      const offerLine = ana.page.locator(".line--bot").filter({ hasText: "Did you mean one of these?" });
      const offered = offerLine.getByRole("list", { name: "Offered to the customer" });
      await offered.waitFor();
      await expect(offered.getByRole("listitem").allTextContents()).resolves.toEqual(["Order status", "Something else"]);
      await expect(offerLine.locator(".line__picked").allTextContents()).resolves.toEqual(["Customer declined the suggestions"]);
      const details = ana.page.getByRole("complementary", { name: "Handoff details" });
      await details.getByText("Intents offered (“Did you mean…?”)").waitFor();
      await expect(details.getByText("Offered: Order status — declined the suggestions").isVisible()).resolves.toBe(true);
      await offerLine.scrollIntoViewIfNeeded();
      await snap(ana.page);
      await details.getByText("Intents offered (“Did you mean…?”)").scrollIntoViewIfNeeded();
      await snap(ana.page);
    } finally {
      await closeChecked(decliner);
      await closeChecked(ana);
    }

    // The lead's review list: the message, sent by both customers, with the first one's pick (a
    // customer's own label outweighs the later "Something else"), "Add to" already at that intent.
    await page.goto(`/flows/${flow.id}`);
    await page.locator(".react-flow__node").first().waitFor();
    await selectCard(page, "topic");
    const review = panel().getByRole("region", { name: "Messages this step wasn't sure about" });
    const row = review.getByRole("listitem").filter({ hasText: `“${HALF_UNDERSTOOD}”` });
    await row.waitFor();
    await expect(row.locator(".intent-review-verdict").textContent()).resolves.toMatch(/^Not sure · top guess order status \d+% · sent 2 times$/);
    await expect(row.locator(".intent-review-pick").textContent()).resolves.toBe("Customer picked Order status");
    await expect(row.getByLabel("Add to").inputValue()).resolves.toBe("order_status");
    await row.scrollIntoViewIfNeeded();
    await snap(page);
    await row.getByRole("button", { name: `Add “${HALF_UNDERSTOOD}” to order status` }).click();
    await row.getByText("Already an example of order status").waitFor();
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flow.id }, select: { draft: true } })).draft) as { nodes: Array<{ id: string; data: { intents: Array<{ name: string; examples: string[] }> } }> };
    const orderStatus = draft.nodes.find((node) => node.id === "topic")!.data.intents.find((intent) => intent.name === "order_status")!;
    expect(orderStatus.examples.at(-1)).toBe(HALF_UNDERSTOOD);
    await snap(page);
  });
});
