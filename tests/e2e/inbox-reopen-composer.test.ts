/**
 * Reopening a conversation the agent opened after it was resolved (from Resolved, a search, a
 * link): the composer is back on Reply, so what the agent types next reaches the customer. It
 * stayed on Internal note, and the answer became a note only the team could see. The customer's
 * page says who reopened it, live, and is an open conversation again (no rating, no "Start a new
 * conversation"): before, the conversation reopened without a word to the customer.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);

describe("reopening a resolved conversation", () => {
  it("tells the customer live, puts the composer back on Reply, and the agent's next message reaches the customer live", async () => {
    const customer = await customerPage("reopen composer");
    const ana = await agentPage("ana@baton.local", "reopen composer ana");
    try {
      await say(customer.page, "My parcel is damaged");
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);

      await ana.page.goto(`/inbox/${id}`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
      // The customer's page as resolving leaves it: the closing line, the rating, "Start a new conversation", "Ask something else…".
      const transcript = customer.page.getByRole("log", { name: "Conversation" });
      await transcript.getByText("Ana marked this conversation as resolved.").waitFor();
      await customer.page.getByRole("button", { name: "Start a new conversation" }).waitFor();
      const message = customer.page.getByRole("textbox", { name: "Message" });
      await expect(message.getAttribute("placeholder")).resolves.toBe("Ask something else…");

      // Opened again while resolved: only a note is possible, and the composer says so.
      await ana.page.goto(`/inbox/${id}`);
      const note = ana.page.getByRole("textbox", { name: "Internal note" });
      await note.waitFor();
      await expect(ana.page.getByRole("button", { name: "Reply", exact: true }).isDisabled()).resolves.toBe(true);
      // Typing while only a note is possible must not make the note the agent's choice for after Reopen.
      await note.fill("Checking the courier first");

      await ana.page.getByRole("button", { name: "Reopen" }).click();
      await ana.page.getByText("Reopened. It's assigned to you.").waitFor();
      // The customer is told, live (no reload), and their page is an open conversation again.
      await transcript.getByText("Ana reopened this conversation and will reply here.").waitFor();
      await customer.page.getByRole("button", { name: "Start a new conversation" }).waitFor({ state: "detached" });
      await expect(customer.page.getByText("How was your conversation?").count()).resolves.toBe(0);
      await expect(message.getAttribute("placeholder")).resolves.toBe("Write a message…");
      await expect(message.isEditable()).resolves.toBe(true);
      await customer.page.getByText("Ana from Support").waitFor();
      await snap(customer.page);
      const reply = ana.page.getByRole("textbox", { name: "Reply" });
      await reply.waitFor();
      await expect(ana.page.getByRole("button", { name: "Reply", exact: true }).getAttribute("aria-pressed")).resolves.toBe("true");
      await expect(reply.inputValue()).resolves.toBe("Checking the courier first");
      await reply.fill("Sorry, one more thing: a replacement is on its way.");
      await reply.press("Enter");
      await customer.page.getByText("a replacement is on its way").waitFor();
      await snap(ana.page);
      const stored = await e2e.app.db.message.findFirst({ where: { conversationId: id, text: { contains: "a replacement is on its way" } }, select: { role: true } });
      expect(stored?.role).toBe("agent");
    } finally {
      await closeChecked(customer);
      await closeChecked(ana);
    }
  });
});
