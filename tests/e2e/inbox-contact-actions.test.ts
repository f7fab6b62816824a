/**
 * The contact's two actions in the handoff packet, "Edit contact" and "All their conversations":
 * they once wrapped into a ragged pair (the link under the button, its text looking indented).
 * Now they share a row when they fit, or make a clean column of equal full-width buttons, at
 * 1280 px and in the phone's packet sheet.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, DESK, inboxHelpers, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);
const PHONE = { width: 390, height: 844 };

/** The two actions' boxes: one row (same top and height), or one column (same left and width). */
async function expectCleanActions(page: Page) {
  const packet = page.getByRole("complementary", { name: "Handoff details" });
  const edit = await packet.getByRole("button", { name: "Edit contact" }).boundingBox();
  const all = await packet.getByRole("link", { name: "All their conversations" }).boundingBox();
  const panel = await packet.boundingBox();
  if (!edit || !all || !panel) throw new Error("the contact's actions are not visible");
  const close = (a: number, b: number) => Math.abs(a - b) <= 1;
  const sameRow = close(edit.y, all.y) && close(edit.height, all.height);
  const column = close(edit.x, all.x) && close(edit.width, all.width) && all.y >= edit.y + edit.height;
  expect({ sameRow, column }).not.toEqual({ sameRow: false, column: false });
  for (const action of [edit, all]) {
    expect(action.x).toBeGreaterThanOrEqual(panel.x);
    expect(action.x + action.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
  }
  // Both read as buttons of one kind: the link is not bare text with a button's padding.
  const looks = await packet.locator(".contact-actions > *").evaluateAll((actions) => actions.map((action) => getComputedStyle(action).borderTopStyle + " " + getComputedStyle(action).borderTopColor));
  expect(new Set(looks).size).toBe(1);
}

describe("the contact's actions in the handoff packet", () => {
  it("sit on one row or in a clean column, at 1280 px and on a phone", async () => {
    const customer = await customerPage("contact actions");
    await say(customer.page, "Hi, I'm Maya, maya@example.com");
    await customer.page.locator(".chat-row--bot").nth(1).waitFor();
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "contact actions ana");
    try {
      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("link", { name: "All their conversations" }).waitFor();
      expect(ana.page.viewportSize()).toEqual(DESK);
      await expectCleanActions(ana.page);
      await ana.page.getByRole("link", { name: "All their conversations" }).scrollIntoViewIfNeeded();
      await snap(ana.page);

      await ana.page.setViewportSize(PHONE);
      await ana.page.getByRole("button", { name: "Handoff details", exact: true }).click();
      await ana.page.getByRole("link", { name: "All their conversations" }).waitFor();
      await expectCleanActions(ana.page);
      await ana.page.getByRole("link", { name: "All their conversations" }).scrollIntoViewIfNeeded();
      await snap(ana.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});
