/**
 * The people side of a handoff, in real browsers against the production build: the customer is
 * told when the bot takes over again and their unanswered message is answered, agents appear in
 * the chat under their own name and team, the packet says exactly why it was handed off, and a
 * conversation moved away from an agent's teams closes with a notice instead of an error.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);

describe("hand-back", () => {
  it("tells the customer they are back with the assistant, and the waiting step answers their unanswered message at once", async () => {
    const customer = await customerPage("hand back pending");
    await askForPerson(customer.page);
    await say(customer.page, "where is my order?");
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "hand back pending ana");
    try {
      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      await ana.page.getByRole("button", { name: "More actions" }).click();
      await ana.page.getByRole("button", { name: "Hand back to the bot…" }).click();
      const dialog = ana.page.getByRole("dialog", { name: "Hand back to the bot" });
      await dialog.getByRole("radio", { name: "Detect intent (topic)" }).check();
      await expect(dialog.getByRole("textbox", { name: "Message to the customer" }).inputValue()).resolves.toBe("You're back with our assistant — I'll take it from here.");
      await snap(ana.page);
      await dialog.getByRole("button", { name: "Hand back" }).click();
      await ana.page.getByText("Handed back to the bot.", { exact: true }).waitFor();

      // The customer: the line, then the answer to "where is my order?" without typing it again.
      await customer.page.getByText("You're back with our assistant — I'll take it from here.").waitFor();
      await customer.page.getByText("Sure! What's your 10-digit order number?").waitFor();
      await snap(customer.page);

      await ana.page.goto(`/inbox/${id}?queue=bot`);
      const transcript = ana.page.getByRole("log", { name: "Transcript" });
      await transcript.getByText("Sure! What's your 10-digit order number?").waitFor();
      const lines = await transcript.innerText();
      const order = ["where is my order?", "handed it back to the bot at “Detect intent (topic)”, with the customer's unanswered message", "You're back with our assistant", "Sure! What's your 10-digit order number?"];
      const positions = order.map((text) => lines.indexOf(text));
      expect(positions.every((at) => at >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      await snap(ana.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});
