/**
 * The inbox at 1024 px (a small laptop): nothing in the queue pane is cut short, and the label
 * filter keeps the open conversation open while it still matches (as Chatwoot does).
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);
const SMALL_LAPTOP = { width: 1024, height: 768 };

describe("the inbox at 1024 px", () => {
  it("shows every queue-pane label and the list's title whole, and keeps a matching conversation open when a label filter is chosen", async () => {
    const customer = await customerPage("narrow filter");
    const ana = await agentPage("ana@baton.local", "narrow filter ana");
    try {
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);
      const { db } = e2e.app;
      const vip = await db.label.create({ data: { name: "VIP customer" }, select: { id: true } });
      await db.label.create({ data: { name: "Zz other" }, select: { id: true } });
      await db.conversationLabel.create({ data: { conversationId: id, labelId: vip.id } });

      await ana.page.setViewportSize(SMALL_LAPTOP);
      await ana.page.goto(`/inbox/${id}?queue=waiting:support`);
      const header = ana.page.getByRole("button", { name: "Claim", exact: true });
      await header.waitFor();

      // Every label in the queue pane and the list's title fit their boxes (no ellipsis): "Handoff alerts" and "Waiting · Support" were cut short.
      const cut = await ana.page.locator(".inbox-queues .queue-link__label, .inbox-list__head h2").evaluateAll((labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent),
      );
      expect(cut).toEqual([]);
      await expect(ana.page.getByRole("switch", { name: "Handoff alerts" }).isVisible()).resolves.toBe(true);
      await snap(ana.page);

      // The conversation has the label: filtering by it keeps it open beside the filtered list.
      const filter = ana.page.getByRole("combobox", { name: "Filter by label" });
      await filter.selectOption({ label: "VIP customer" });
      await expect.poll(() => new URL(ana.page.url()).searchParams.get("label")).toBe(vip.id);
      expect(new URL(ana.page.url()).pathname).toBe(`/inbox/${id}`);
      await expect(header.isVisible()).resolves.toBe(true);
      await expect(ana.page.locator(`.inbox-row[data-conversation-id="${id}"]`).isVisible()).resolves.toBe(true);
      await snap(ana.page);

      // Back to all labels: still open.
      await filter.selectOption({ label: "All labels" });
      await expect.poll(() => new URL(ana.page.url()).searchParams.get("label") || null).toBe(null);
      expect(new URL(ana.page.url()).pathname).toBe(`/inbox/${id}`);

      // A label it does not have: it leaves the list, so the pane closes.
      await filter.selectOption({ label: "Zz other" });
      await expect.poll(() => new URL(ana.page.url()).pathname).toBe("/inbox");
      await expect(header.count()).resolves.toBe(0);
      await snap(ana.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});
