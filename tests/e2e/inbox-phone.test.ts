/**
 * The inbox on a 390 px phone (agents answer from theirs): one pane at a time. The list first,
 * its queues in a select at the top; a row opens the conversation full width, focus on it, with
 * "Back" to the list (focus back on the row); the handoff packet from a header button; the reply
 * box at the bottom with the last line above it, also when the keyboard takes half the screen;
 * the header's menus inside the screen; saved replies with their own Back; axe finds nothing
 * serious in the list or the conversation.
 * The desktop's three panes (1280, 1024 and 924 px) are unchanged; below 924 px (a tablet, a
 * narrow window) the conversation would get under 420 px, so it is one pane at a time there too.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { audit } from "./axe-audit";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers, row, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);
const PHONE = { width: 390, height: 844 };
/** The same phone with the on-screen keyboard up (the layout viewport shrinks to what is left). */
const PHONE_WITH_KEYBOARD = { width: 390, height: 470 };

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not visible: ${locator}`);
  return found;
}

const bottomOf = (of: { y: number; height: number }) => of.y + of.height;

async function focusedIsInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((inside) => Boolean(document.activeElement?.closest(inside)), selector);
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The reply box is whole inside the viewport and the transcript's last line sits fully above it. */
async function expectReplyBoxAndLastLine(page: Page, height: number) {
  const composer = await box(page.locator(".composer"));
  expect(composer.y).toBeGreaterThanOrEqual(0);
  expect(bottomOf(composer)).toBeLessThanOrEqual(height);
  const last = await box(page.locator(".timeline > *").last());
  expect(bottomOf(last)).toBeLessThanOrEqual(composer.y);
  const transcript = await box(page.getByRole("log", { name: "Transcript" }));
  expect(last.y).toBeGreaterThanOrEqual(transcript.y);
}

describe("the inbox on a phone", () => {
  it("shows one pane at a time: the list with a queue select, the conversation with Back, its details and a reply box above the keyboard", async () => {
    const customer = await customerPage("phone");
    const ana = await agentPage("ana@baton.local", "phone ana");
    const { page } = ana;
    try {
      await askForPerson(customer.page);
      await say(customer.page, "My parcel says delivered but it is not here. Order 4417.");
      const id = await conversationIdOf(customer.page);

      // Desktop first, as it was: three panes side by side and the packet beside the transcript at 1280.
      await page.goto(`/inbox/${id}?queue=waiting:support`);
      const conversation = page.getByRole("region", { name: /^Conversation with / });
      await conversation.waitFor();
      const queues = page.getByRole("navigation", { name: "Queues" });
      const list = page.locator(".inbox-list");
      const packet = page.getByRole("complementary", { name: "Handoff details" });
      const back = page.getByRole("link", { name: /^Back/ });
      const queueSelect = queues.getByRole("combobox", { name: "Queue" });
      for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 924, height: 768 }]) {
        await page.setViewportSize(size);
        const [q, l, c] = [await box(queues), await box(list), await box(conversation)];
        expect(q.x + q.width).toBeLessThanOrEqual(l.x + 1);
        expect(l.x + l.width).toBeLessThanOrEqual(c.x + 1);
        expect(c.width).toBeGreaterThanOrEqual(420);
        expect(await back.isVisible()).toBe(false);
        expect(await queueSelect.isVisible()).toBe(false);
        expect(await packet.isVisible()).toBe(size.width === 1280);
        await snap(page);
      }

      // A tablet or a narrow window (under the top bar at 730, beside the rail at 768 and 923): three
      // panes would squeeze the conversation under 420 px, so it is shown alone, with Back.
      for (const size of [{ width: 730, height: 800 }, { width: 768, height: 1024 }, { width: 923, height: 768 }]) {
        await page.setViewportSize(size);
        await expect.poll(() => list.isVisible()).toBe(false);
        expect(await queues.isVisible()).toBe(false);
        expect(await back.isVisible()).toBe(true);
        expect((await box(conversation)).width).toBeGreaterThanOrEqual(420);
        expect(await pageScrollsSideways(page)).toBe(false);
        await snap(page);
      }

      // The phone: the list alone, full width, its queues in a select.
      await page.setViewportSize(PHONE);
      await page.goto("/inbox");
      await queueSelect.waitFor();
      expect(await conversation.count()).toBe(0);
      expect((await box(list)).width).toBeGreaterThanOrEqual(PHONE.width - 1);
      expect(await pageScrollsSideways(page)).toBe(false);
      expect((await audit(page)).join("\n")).toBe("");
      await queueSelect.selectOption({ label: "Waiting · Support (1)" });
      await expect.poll(() => new URL(page.url()).searchParams.get("queue")).toBe("waiting:support");
      await page.getByRole("heading", { name: "Waiting · Support", level: 2 }).waitFor();
      await expect(queueSelect.inputValue()).resolves.toBe("waiting:support");

      // A row opens the conversation full width, the list gone, focus on the conversation.
      const historyLength = () => page.evaluate(() => window.history.length);
      const listEntries = await historyLength();
      await row(page, id).click();
      await conversation.waitFor();
      await expect.poll(() => list.isVisible()).toBe(false);
      expect(await queues.isVisible()).toBe(false);
      expect((await box(conversation)).width).toBeGreaterThanOrEqual(PHONE.width - 1);
      await expect.poll(() => focusedIsInside(page, ".convo-main")).toBe(true);
      expect(await pageScrollsSideways(page)).toBe(false);
      const reply = page.getByRole("textbox", { name: "Reply" });
      await reply.waitFor();
      await expectReplyBoxAndLastLine(page, PHONE.height);
      expect((await audit(page)).join("\n")).toBe("");

      // The handoff packet: a button in the header opens it over the conversation, whole; its close button gives focus back.
      const details = page.getByRole("button", { name: "Handoff details", exact: true });
      await details.click();
      await packet.waitFor();
      const sheet = await box(packet);
      expect(sheet.x).toBeGreaterThanOrEqual(0);
      expect(sheet.x + sheet.width).toBeLessThanOrEqual(PHONE.width);
      expect(sheet.width).toBeGreaterThanOrEqual(PHONE.width - 1);
      await expect.poll(() => focusedIsInside(page, ".packet")).toBe(true);
      await snap(page);
      await packet.getByRole("button", { name: "Close handoff details" }).click();
      await packet.waitFor({ state: "hidden" });
      await expect(details.evaluate((button) => button === document.activeElement)).resolves.toBe(true);

      // The header's menus open inside the screen, also from a button near its left edge.
      for (const name of ["Snooze", "More actions"]) {
        await page.getByRole("button", { name, exact: true }).click();
        const panel = page.locator(".convo-head .menu__panel");
        const menu = await box(panel);
        expect(menu.x, name).toBeGreaterThanOrEqual(0);
        expect(menu.x + menu.width, name).toBeLessThanOrEqual(PHONE.width);
        await snap(page);
        await page.keyboard.press("Escape");
        await panel.waitFor({ state: "detached" });
      }

      // Back: the same list (its queue kept), focus on the row it was opened from.
      await back.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe("/inbox");
      expect(new URL(page.url()).searchParams.get("queue")).toBe("waiting:support");
      await row(page, id).waitFor();
      await expect.poll(() => row(page, id).evaluate((link) => link === document.activeElement)).toBe(true);
      expect(await conversation.count()).toBe(0);
      await snap(page);
      // Back was a step back in history: it grew by the conversation only, and the browser's own
      // Back (Android's) now leaves the list instead of reopening the conversation just left.
      expect(await historyLength()).toBe(listEntries + 1);
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get("queue")).toBeNull();
      expect(new URL(page.url()).pathname).toBe("/inbox");
      await page.goForward();
      await expect.poll(() => new URL(page.url()).searchParams.get("queue")).toBe("waiting:support");

      // Opened again from the row: a reply sent from the box at the bottom shows above it.
      await row(page, id).click();
      await reply.waitFor();
      await reply.fill("Sorry about that! I'm checking with the courier now.");
      await reply.press("Enter");
      await page.locator(".line--agent:not(.line--pending)").getByText("checking with the courier").waitFor();
      await customer.page.getByText("checking with the courier").waitFor();
      await expectReplyBoxAndLastLine(page, PHONE.height);

      // The keyboard up: the reply box stays whole on screen, the last line still right above it.
      await page.setViewportSize(PHONE_WITH_KEYBOARD);
      await reply.focus();
      await expect.poll(async () => bottomOf(await box(page.locator(".composer")))).toBeLessThanOrEqual(PHONE_WITH_KEYBOARD.height);
      await expectReplyBoxAndLastLine(page, PHONE_WITH_KEYBOARD.height);
      await snap(page);

      // Saved replies, from the bar above the list, also have their way back.
      await page.setViewportSize(PHONE);
      await back.click();
      await queues.getByRole("link", { name: "Saved replies" }).click();
      await page.getByRole("heading", { name: "Saved replies", level: 2 }).waitFor();
      expect(await list.isVisible()).toBe(false);
      await snap(page);
      const beforeSavedReplies = await historyLength();
      await back.click();
      await queueSelect.waitFor();
      expect(new URL(page.url()).pathname).toBe("/inbox");
      expect(await historyLength()).toBe(beforeSavedReplies);

    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});
