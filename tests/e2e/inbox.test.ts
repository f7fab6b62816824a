/**
 * The agent inbox and the customer's chat page together, in two browser contexts against the
 * production build with the seeded starter flow "store-support": a customer asks for help, the
 * agent already on /inbox sees it arrive live, reads what the bot captured, claims, replies;
 * the customer gets the reply live, the agent resolves, the customer rates.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E, type TestPage } from "./harness";

const e2e = useE2E();
const PHONE = { width: 375, height: 740 };
const DESK = { width: 1280, height: 800 };

async function customerPage(name: string): Promise<TestPage> {
  const customer = await openPage(e2e.browser, e2e.app.baseUrl, `${name} customer`);
  await customer.page.setViewportSize(PHONE);
  await customer.page.goto("/chat/store-support");
  await customer.page.getByText("I'm the Threads & Co. assistant").waitFor();
  return customer;
}

async function say(page: Page, text: string) {
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(text);
  await input.press("Enter");
}

/** The missing-parcel path of the starter flow: intent, three captured fields, a high-priority handoff to support. */
async function reportMissingParcel(page: Page, email = "sam.rivera@example.com") {
  await say(page, "Where is my order 4829301756? It hasn't arrived");
  await page.getByText("what's the email address on the order?").waitFor();
  await say(page, email);
  await page.getByRole("group", { name: "Suggested replies" }).getByRole("button", { name: "Delivered" }).click();
  await page.getByText("A person will reply here").first().waitFor();
}

async function finish(customer: TestPage) {
  await snap(customer.page);
  await customer.close();
  expect(customer.errors).toEqual([]);
}

function row(page: Page, conversationId: string) {
  return page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);
}

async function latestConversationId(): Promise<string> {
  const latest = await e2e.app.db.conversation.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } });
  return latest.id;
}

describe("the inbox, live with the chat page", () => {
  it("a handoff appears live, the agent claims and replies, the customer sees it live, resolves and rates", async () => {
    const agent = e2e.page;
    await agent.setViewportSize(DESK);
    await signIn(agent, "ana@baton.local");
    await e2e.goto("/inbox");
    await agent.getByRole("heading", { name: "All open" }).waitFor();
    await snap(agent);

    const customer = await customerPage("handoff");
    try {
    await reportMissingParcel(customer.page);
    await snap(customer.page);
    const id = await latestConversationId();

    // Without a reload: the row arrives, the tab title counts it.
    await row(agent, id).waitFor({ timeout: 10_000 });
    await expect(row(agent, id).getByText("Order status")).toBeTruthy();
    await expect.poll(() => agent.title()).toMatch(/^\(1\) Inbox · Baton$/);
    await expect(row(agent, id).locator(".pill--high").textContent()).resolves.toBe("High");
    await snap(agent);

    await row(agent, id).click();
    await agent.waitForURL(`**/inbox/${id}?queue=open`);
    const packet = agent.getByRole("complementary", { name: "Handoff details" });
    await packet.getByText("Order marked as delivered but the customer has not received it", { exact: true }).waitFor();
    await expect(packet.getByText("Order status", { exact: true }).isVisible()).resolves.toBe(true);
    for (const [label, value] of [["Order id", "4829301756"], ["Email", "sam.rivera@example.com"], ["Shipping status", "Delivered"]]) {
      const fact = packet.locator(".packet__fields .packet__fact", { hasText: label });
      await expect(fact.locator("dd").textContent()).resolves.toBe(value);
    }
    await expect(packet.getByText("Flow step").isVisible()).resolves.toBe(true);
    await expect(packet.locator(".packet__list li", { hasText: "What does the tracking page in your confirmation email say right now?" }).isVisible()).resolves.toBe(true);
    const transcript = agent.getByRole("log", { name: "Transcript" });
    await expect(transcript.locator('[data-role="customer"]').first().textContent()).resolves.toContain("Where is my order 4829301756?");
    await snap(agent);

    await agent.getByRole("button", { name: "Claim", exact: true }).click();
    await agent.getByText("You claimed this conversation.").waitFor();
    await agent.getByText("Assigned to you").waitFor();
    await customer.page.getByText("Ana joined the conversation.").waitFor();

    const reply = agent.getByRole("textbox", { name: "Reply" });
    await reply.fill("Hi Sam, I'm so sorry.");
    await reply.press("Shift+Enter");
    await reply.type("I'm checking with the carrier right now.");
    await reply.press("Enter");
    await transcript.locator('[data-role="agent"]').getByText("I'm checking with the carrier right now.").waitFor();
    await expect(reply.inputValue()).resolves.toBe("");
    await snap(agent);

    // The customer's page was not reloaded: the reply arrives on its live stream.
    const agentLine = customer.page.locator(".chat-bubble--agent");
    await agentLine.getByText("I'm checking with the carrier right now.").waitFor({ timeout: 5_000 });
    await expect(agentLine.textContent()).resolves.toContain("Hi Sam, I'm so sorry.\nI'm checking with the carrier right now.");
    await customer.page.locator(".chat-author", { hasText: "Ana" }).first().waitFor();
    await customer.page.getByText("Ana from Support").waitFor();
    await snap(customer.page);

    await agent.getByRole("button", { name: "Resolve" }).click();
    await agent.getByText("Resolved. The customer is asked for a rating.").waitFor();
    await customer.page.getByRole("heading", { name: "How was your conversation?" }).waitFor({ timeout: 5_000 });
    await snap(customer.page);
    await customer.page.getByRole("button", { name: "5 of 5" }).click();
    await customer.page.getByRole("heading", { name: "Thanks for your rating!" }).waitFor();
    await snap(customer.page);

    const stored = await e2e.app.db.conversation.findUniqueOrThrow({
      where: { id },
      select: { status: true, csat: true, firstHumanResponseAt: true, resolvedAt: true, escalatedAt: true, assignee: { select: { email: true } } },
    });
    expect(stored).toMatchObject({ status: "resolved", csat: 5, assignee: { email: "ana@baton.local" } });
    expect(stored.firstHumanResponseAt!.getTime()).toBeGreaterThanOrEqual(stored.escalatedAt!.getTime());
    expect(stored.resolvedAt!.getTime()).toBeGreaterThanOrEqual(stored.firstHumanResponseAt!.getTime());

    await agent.reload();
    await agent.getByText("The customer rated the conversation 5/5").waitFor();
    await snap(agent);
    } finally {
      await finish(customer);
    }
  });
});
