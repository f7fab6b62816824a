/**
 * The end of a conversation on the chat page, and what comes after: an agent's resolve closes it
 * with a line naming them above the rating; a customer who writes again after the bot closed it
 * is answered as if it were their first message — no second greeting.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { untilArticlesAreReadForMeaning } from "./articles-read-for-meaning";
import { askForPerson, inboxHelpers, say } from "./inbox-helpers";

const e2e = useE2E();
// The KB answers these tests wait for need the articles ranked by meaning, not on words alone as right after a start.
beforeAll(() => untilArticlesAreReadForMeaning(e2e.browser, e2e.app.baseUrl), 120_000);
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);
const GREETING = "I'm the Threads & Co. assistant";

describe("writing again after the bot resolved the conversation", () => {
  it("answers the new question from the help centre, without greeting again, and keeps the whole transcript", async () => {
    const customer = await customerPage("write again");
    const { page } = customer;
    try {
      await say(page, "Where is my order 1234509876?");
      await page.getByText("what's the email address on the order?").waitFor();
      await say(page, "sam@example.com");
      await page.getByRole("group", { name: "Suggested replies" }).getByRole("button", { name: "In transit" }).click();
      await page.getByRole("heading", { name: "How was your conversation?" }).waitFor();
      await snap(page);

      await say(page, "How much does shipping cost?");
      await page.locator(".chat-source").getByText("Shipping options, costs and delivery times").waitFor();
      // The rating card of the finished conversation goes; the greeting is said once in all.
      await expect(page.getByRole("heading", { name: "How was your conversation?" }).count()).resolves.toBe(0);
      await expect(page.getByText(GREETING).count()).resolves.toBe(1);
      const log = page.getByRole("log", { name: "Conversation" });
      await expect(log.getByText("Where is my order 1234509876?").isVisible()).resolves.toBe(true);
      await expect(log.getByText("How much does shipping cost?").isVisible()).resolves.toBe(true);
      // The new question is the last thing the customer wrote, and the answer comes right after it.
      const texts = await log.locator(".chat-row").allInnerTexts();
      const asked = texts.findIndex((text) => text.includes("How much does shipping cost?"));
      expect(asked).toBeGreaterThan(0);
      expect(texts.slice(asked + 1).join("\n")).toContain("Shipping options, costs and delivery times");
      expect(texts.slice(asked + 1).join("\n")).not.toContain(GREETING);
    } finally {
      await closeChecked(customer);
    }
  });
});

describe("an agent resolves", () => {
  it("shows the customer a closing line naming the agent, above the rating card", async () => {
    const customer = await customerPage("closing line");
    const ana = await agentPage("ana@baton.local", "closing line ana");
    try {
      await askForPerson(customer.page);
      const cookie = (await customer.page.context().cookies()).find((candidate) => candidate.name === "baton_chat_store-support");
      const id = decodeURIComponent(cookie!.value).split(".")[0];
      await ana.page.goto(`/inbox/${id}`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();

      const closing = customer.page.getByText("Ana marked this conversation as resolved. Write again any time.");
      await closing.waitFor();
      const rating = customer.page.getByRole("heading", { name: "How was your conversation?" });
      await rating.waitFor();
      const lineBox = await closing.boundingBox();
      const ratingBox = await rating.boundingBox();
      expect(lineBox && ratingBox && lineBox.y + lineBox.height <= ratingBox.y).toBe(true);
      await snap(customer.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});
