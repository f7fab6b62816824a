/**
 * What the agent reads after the KB offered the customer likely articles: the transcript shows
 * the bot's "These articles might help" with the buttons the customer saw (read-only) and the one
 * they picked (or what else they did, in the handoff details' words), and the handoff details list
 * the offer and the pick. Before: the transcript showed the bare line and the packet said
 * "Articles shown: None" for an offer.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);

const OFFER_LINE = "These articles might help. Which one fits your question?";

describe("an offer of likely articles, in the inbox", () => {
  it("shows the agent the offered titles under the bot's line, the customer's pick, and the offer in the handoff details", async () => {
    const customer = await customerPage("offered articles");
    const ana = await agentPage("ana@baton.local", "offered articles ana");
    try {
      await say(customer.page, "my gift card balance is missing");
      await customer.page.getByText(OFFER_LINE).waitFor();
      const buttons = customer.page.getByRole("group", { name: "Suggested replies" }).getByRole("button");
      await buttons.last().waitFor();
      const seen = await buttons.allTextContents();
      expect(seen.at(-1)).toBe("None of these");
      expect(seen.length).toBeGreaterThanOrEqual(3);
      // The second title: read from the buttons, as the ranking depends on whether the encoder has read the articles yet.
      const picked = seen[1];
      await buttons.nth(1).click();
      await customer.page.locator(".chat-source").getByText(picked).waitFor();
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);

      await ana.page.goto(`/inbox/${id}`);
      const offerLine = ana.page.locator(".line--bot").filter({ hasText: OFFER_LINE });
      const offered = offerLine.getByRole("list", { name: "Offered to the customer" });
      await offered.waitFor();
      // The same labels in the same order as the customer's buttons, and none of them a button here.
      await expect(offered.getByRole("listitem").allTextContents()).resolves.toEqual(seen);
      await expect(offerLine.getByRole("button").count()).resolves.toBe(0);
      await expect(offerLine.locator(".line__picked").allTextContents()).resolves.toEqual([`Customer picked ${picked}`]);

      const details = ana.page.getByRole("complementary", { name: "Handoff details" });
      const titles = seen.slice(0, -1).join(", ");
      await expect(details.getByText(`Offered: ${titles} — picked ${picked}`).isVisible()).resolves.toBe(true);
      await offerLine.scrollIntoViewIfNeeded();
      await snap(ana.page);
    } finally {
      await closeChecked(customer);
      await closeChecked(ana);
    }
  });

  it("says the customer asked something else when they typed a new question instead of picking", async () => {
    const customer = await customerPage("offered articles asked anew");
    const ana = await agentPage("ana@baton.local", "offered articles asked anew ana");
    try {
      await say(customer.page, "my gift card balance is missing");
      await customer.page.getByText(OFFER_LINE).waitFor();
      // Not a title nor "None of these": the kb step reads it as a new question and answers it.
      await say(customer.page, "how do I reset my password?");
      await customer.page.locator(".chat-source").first().waitFor();
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);
      await expect.poll(() => e2e.app.db.event.count({ where: { conversationId: id, type: "kb.notFound", payload: { contains: "askedAnew" } } })).toBe(1);

      await ana.page.goto(`/inbox/${id}`);
      const offerLine = ana.page.locator(".line--bot").filter({ hasText: OFFER_LINE });
      await offerLine.getByRole("list", { name: "Offered to the customer" }).waitFor();
      await expect(offerLine.locator(".line__picked").allTextContents()).resolves.toEqual(["Customer asked something else instead"]);
      const details = ana.page.getByRole("complementary", { name: "Handoff details" });
      // The packet reads the offer as the transcript does, in the same words.
      await expect(details.getByText(/^Offered: .* — asked something else instead$/).isVisible()).resolves.toBe(true);
      await offerLine.scrollIntoViewIfNeeded();
      await snap(ana.page);
    } finally {
      await closeChecked(customer);
      await closeChecked(ana);
    }
  });

  it("says the customer replied without answering when their next message asked for a person", async () => {
    const customer = await customerPage("offered articles person");
    const ana = await agentPage("ana@baton.local", "offered articles person ana");
    try {
      await say(customer.page, "my gift card balance is missing");
      await customer.page.getByText(OFFER_LINE).waitFor();
      // Neither a title, "None of these" nor a new question: the handoff trigger takes it before the kb step.
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);

      await ana.page.goto(`/inbox/${id}`);
      const offerLine = ana.page.locator(".line--bot").filter({ hasText: OFFER_LINE });
      await offerLine.getByRole("list", { name: "Offered to the customer" }).waitFor();
      // It said "Customer picked none of these" here while the packet said "none picked".
      await expect(offerLine.locator(".line__picked").allTextContents()).resolves.toEqual(["Customer replied without answering the suggestions"]);
      const details = ana.page.getByRole("complementary", { name: "Handoff details" });
      await expect(details.getByText(/^Offered: .* — replied without answering the suggestions$/).isVisible()).resolves.toBe(true);
      await offerLine.scrollIntoViewIfNeeded();
      await snap(ana.page);
    } finally {
      await closeChecked(customer);
      await closeChecked(ana);
    }
  });
});
