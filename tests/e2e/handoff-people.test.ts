/**
 * The people side of a handoff, in real browsers against the production build: the customer is
 * told when the bot takes over again and their unanswered message is answered, agents appear in
 * the chat under their own name and team, the packet says exactly why it was handed off, and a
 * conversation moved away from an agent's teams closes with a notice instead of an error.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { BUILDER_VIEWPORT, canvasBox, selectCard } from "./builder-helpers";
import { signIn, snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, DESK, inboxHelpers, openHandBack, row, say } from "./inbox-helpers";

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
      const dialog = await openHandBack(ana.page, "Detect intent (topic)");
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

describe("agent identity in the chat", () => {
  it("shows the agent's first name, initials and team on their replies and in the header, never a fixed label", async () => {
    const customer = await customerPage("agent identity");
    await say(customer.page, "I will file a chargeback");
    await customer.page.getByText("A person will reply in this chat").first().waitFor();
    const id = await conversationIdOf(customer.page);
    const ben = await agentPage("ben@baton.local", "agent identity ben");
    try {
      await ben.page.goto(`/inbox/${id}?queue=open`);
      const reply = ben.page.getByRole("textbox", { name: "Reply" });
      await reply.fill("Hi, I'm looking at the charge now.");
      await reply.press("Enter");
      await ben.page.getByRole("log", { name: "Transcript" }).getByText("I'm looking at the charge now.").waitFor();

      const agentRow = customer.page.locator(".chat-row--agent").first();
      await agentRow.getByText("I'm looking at the charge now.").waitFor();
      await expect.poll(() => agentRow.locator(".chat-author").textContent()).toBe("BenBilling");
      await expect(agentRow.locator(".chat-author__team").textContent()).resolves.toBe("Billing");
      await expect(agentRow.locator(".chat-avatar").innerText()).resolves.toBe("BA");
      // The reply names its author itself; the header follows when the conversation's details arrive.
      await expect.poll(() => customer.page.locator(".chat-header__status-text").innerText()).toBe("Ben from Billing");
      await expect.poll(() => customer.page.locator(".chat-header__avatar").innerText()).toBe("BA");
      await expect(customer.page.getByText("Support", { exact: true }).count()).resolves.toBe(0);
      await snap(customer.page);
    } finally {
      await closeChecked(ben);
      await closeChecked(customer);
    }
  });
});

describe("a packet that says why", () => {
  it("names the step and outcome that handed off, asks each question once in the summary, and ends with the customer's last two messages", async () => {
    const customer = await customerPage("packet why");
    await say(customer.page, "where is my order?");
    await customer.page.getByText("What's your 10-digit order number?").waitFor();
    for (const attempt of ["I don't know it", "it's on the email somewhere"]) {
      await say(customer.page, attempt);
      await customer.page.locator(".chat-row--customer", { hasText: attempt }).waitFor();
      await expect.poll(() => customer.page.getByText("That doesn't look like a valid order number").count()).toBeGreaterThan(0);
    }
    await say(customer.page, "sorry, can't find it");
    await customer.page.getByText("A person will reply in this chat").first().waitFor();
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "packet why ana");
    try {
      await ana.page.goto(`/inbox/${id}?queue=open`);
      const packet = ana.page.getByRole("complementary", { name: "Handoff details" });
      const trigger = packet.locator(".packet__fact", { has: ana.page.getByText("Trigger", { exact: true }) }).locator("dd");
      await expect(trigger.textContent()).resolves.toBe("Ask for information: no valid order number after 3 tries");
      const summary = await packet.locator(".packet__summary").innerText();
      // The retry hint was said twice; the summary lists it once.
      expect(summary.split("That doesn't look like a valid order number")).toHaveLength(2);
      expect(summary.trim().endsWith("The customer's last two messages:\n“it's on the email somewhere”\n“sorry, can't find it”")).toBe(true);
      await snap(ana.page);

      // A 1024 px laptop has no room beside the transcript: the packet opens over it from the header.
      await ana.page.setViewportSize({ width: 1024, height: 700 });
      await packet.waitFor({ state: "hidden" });
      const details = ana.page.getByRole("button", { name: "Handoff details", exact: true });
      await details.click();
      await trigger.waitFor();
      const box = await packet.boundingBox();
      expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
      expect(box?.width).toBeGreaterThanOrEqual(300);
      await expect(details.getAttribute("aria-expanded")).resolves.toBe("true");
      await snap(ana.page);
      // Open, it covers the header's buttons: it closes with its own button, and focus goes back to the header.
      await packet.getByRole("button", { name: "Close handoff details" }).click();
      await packet.waitFor({ state: "hidden" });
      await expect(details.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});

describe("graceful moves", () => {
  it("closes a conversation moved to another team with who moved it where, instead of an error", async () => {
    const customer = await customerPage("moved away");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "moved away ana");
    const admin = await agentPage("admin@baton.local", "moved away admin");
    try {
      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("log", { name: "Transcript" }).getByText("I want to talk to a human").waitFor();

      await admin.page.goto(`/inbox/${id}?queue=open`);
      await admin.page.getByRole("button", { name: "More actions" }).click();
      await admin.page.getByRole("button", { name: "Move to another team…" }).click();
      const dialog = admin.page.getByRole("dialog", { name: "Move to another team" });
      await dialog.getByLabel("Team", { exact: true }).selectOption({ label: "Billing" });
      await dialog.getByRole("button", { name: "Move" }).click();
      await admin.page.getByText("Moved to Billing.").waitFor();

      // Ana's open page hears about it live and closes the conversation with a notice.
      await ana.page.getByRole("heading", { name: "Moved to Billing by Ada Admin" }).waitFor();
      await expect(ana.page.getByText("Error 403").count()).resolves.toBe(0);
      await expect(ana.page.getByRole("log", { name: "Transcript" }).count()).resolves.toBe(0);
      await snap(ana.page);
      // Opening its link again later says the same.
      await ana.page.goto(`/inbox/${id}`);
      await ana.page.getByRole("heading", { name: "Moved to Billing by Ada Admin" }).waitFor();
    } finally {
      await closeChecked(admin);
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});

describe("moved out of a team", () => {
  it("closes the agent's conversation of that team with 'You're no longer in Support', live, instead of 'Conversation not found'", async () => {
    const customer = await customerPage("left team");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "left team ana");
    const admin = await agentPage("admin@baton.local", "left team admin");
    try {
      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();

      // An admin moves Ana from Support to Billing: her Support conversation goes back to Support's queue.
      await admin.page.goto("/teams");
      const row = admin.page.getByRole("row", { name: /Ana Agent/ });
      await row.getByRole("checkbox", { name: "Support" }).uncheck();
      await row.getByRole("checkbox", { name: "Billing" }).check();
      await row.getByRole("button", { name: "Save Ana Agent" }).click();
      await expect.poll(() => e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { assigneeId: true } }).then((c) => c.assigneeId)).toBeNull();

      await ana.page.getByRole("heading", { name: "You're no longer in Support" }).waitFor();
      await ana.page.getByText("This conversation went back to its queue for the rest of the team, so it has closed here.").waitFor();
      await expect(ana.page.getByText("Conversation not found").count()).resolves.toBe(0);
      await expect(ana.page.getByRole("log", { name: "Transcript" }).count()).resolves.toBe(0);
      await snap(ana.page);
    } finally {
      await e2e.app.db.membership.deleteMany({ where: { user: { email: "ana@baton.local" }, team: { slug: "billing" } } });
      const [anaUser, support] = await Promise.all([
        e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } }),
        e2e.app.db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { id: true } }),
      ]);
      await e2e.app.db.membership.upsert({ where: { userId_teamId: { userId: anaUser.id, teamId: support.id } }, create: { userId: anaUser.id, teamId: support.id }, update: {} });
      await closeChecked(admin);
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});

describe("contacts", () => {
  it("fills the contact from what the customer says, lets the agent edit it, and links a returning customer's conversations", async () => {
    const customer = await customerPage("contact");
    await say(customer.page, "Hi, I'm Maya, maya@example.com");
    await customer.page.locator(".chat-row--bot").nth(1).waitFor();
    await askForPerson(customer.page);
    const first = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "contact ana");
    try {
      await ana.page.goto(`/inbox/${first}?queue=open`);
      const packet = ana.page.getByRole("complementary", { name: "Handoff details" });
      const fact = (label: string) => packet.locator(".packet__fact", { has: ana.page.getByText(label, { exact: true }) }).locator("dd");
      await expect(fact("Name").textContent()).resolves.toBe("Maya");
      await expect(fact("Email").textContent()).resolves.toBe("maya@example.com");

      // The agent corrects and completes it.
      await packet.getByRole("button", { name: "Edit contact" }).click();
      const form = packet.getByRole("form", { name: "Edit contact" });
      await form.getByLabel("Name").fill("Maya Lopez");
      await form.getByLabel("Phone").fill("+44 7700 900123");
      await snap(ana.page);
      await form.getByRole("button", { name: "Save contact" }).click();
      await expect.poll(() => fact("Phone").textContent()).toBe("+44 7700 900123");
      await expect(fact("Name").textContent()).resolves.toBe("Maya Lopez");

      // She comes back later in the same browser: the same contact, with both conversations.
      await customer.page.goto("/chat/refunds-and-returns");
      await customer.page.getByRole("textbox", { name: "Message" }).waitFor();
      await say(customer.page, "I want to talk to a human");
      await customer.page.getByText("A person will reply in this chat").first().waitFor();
      await packet.getByRole("link", { name: "All their conversations" }).click();
      await ana.page.getByRole("heading", { name: "Maya Lopez" }).waitFor();
      const conversations = ana.page.getByRole("region", { name: "Conversations" });
      await expect.poll(() => conversations.locator(".packet__history-item").count()).toBe(2);
      await expect(conversations.getByText("2 conversations").isVisible()).resolves.toBe(true);
      await expect(conversations.getByText("Refunds and returns", { exact: false }).count()).resolves.toBe(1);
      await snap(ana.page);
      await conversations.locator(`a[href="/inbox/${first}"]`).click();
      await ana.page.getByRole("log", { name: "Transcript" }).getByText("I'm Maya, maya@example.com").waitFor();
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});

describe("an inbox an agent can live in", () => {
  it("opens on what needs me, puts a live handoff on top as New, and works from the keyboard", async () => {
    const earlier = await customerPage("needs me earlier");
    await askForPerson(earlier.page);
    const earlierId = await conversationIdOf(earlier.page);
    const ana = await agentPage("ana@baton.local", "needs me ana");
    const customer = await customerPage("needs me live");
    try {
      await ana.page.goto("/inbox");
      await ana.page.getByRole("heading", { name: "Needs me" }).waitFor();
      await row(ana.page, earlierId).waitFor();

      await say(customer.page, "I want to talk to a human, my parcel is lost");
      await customer.page.getByText("A person will reply in this chat").first().waitFor();
      const liveId = await conversationIdOf(customer.page);
      // The live arrival goes to the top, marked New, though it waited less.
      await row(ana.page, liveId).getByText("New", { exact: true }).waitFor();
      await expect(ana.page.locator(".inbox-row").first().getAttribute("data-conversation-id")).resolves.toBe(liveId);
      await snap(ana.page);

      await ana.page.keyboard.press("?");
      const help = ana.page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await help.getByText("Next conversation").waitFor();
      await snap(ana.page);
      await ana.page.keyboard.press("Escape");
      await expect.poll(() => help.isVisible()).toBe(false);

      // j opens the first conversation (opening it clears New), j again the next one, k back.
      await ana.page.keyboard.press("j");
      await ana.page.waitForURL(`**/inbox/${liveId}?queue=now`);
      await expect.poll(() => row(ana.page, liveId).getByText("New", { exact: true }).count()).toBe(0);
      // (Earlier tests of this file may have left other conversations waiting: the second row is whichever is shown second.)
      const second = await ana.page.locator(".inbox-row").nth(1).getAttribute("data-conversation-id");
      await ana.page.keyboard.press("j");
      await ana.page.waitForURL(`**/inbox/${second}?queue=now`);
      await expect.poll(() => row(ana.page, second!).getAttribute("aria-current")).toBe("page");
      await ana.page.keyboard.press("k");
      await ana.page.waitForURL(`**/inbox/${liveId}?queue=now`);
      await ana.page.getByRole("log", { name: "Transcript" }).getByText("my parcel is lost").waitFor();

      // r replies (which claims it), Esc leaves the box, n writes a note, e resolves.
      await ana.page.keyboard.press("r");
      await expect.poll(() => ana.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Reply");
      await ana.page.keyboard.type("Hi! Let me look for your parcel.");
      await ana.page.keyboard.press("Enter");
      await customer.page.getByText("Let me look for your parcel.").waitFor();
      await ana.page.getByText("Assigned to you").waitFor();
      await ana.page.keyboard.press("Escape");
      await ana.page.keyboard.press("n");
      await expect.poll(() => ana.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Internal note");
      await ana.page.keyboard.press("Escape");
      await ana.page.keyboard.press("e");
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
      await customer.page.getByRole("heading", { name: "How was your conversation?" }).waitFor();
      await snap(ana.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
      await closeChecked(earlier);
    }
  });

  it("labels, filters by label, snoozes until the customer writes, and finds conversations by what was said", async () => {
    const customer = await customerPage("organise");
    await say(customer.page, "I'm Priya and my turquoise scarf arrived torn");
    await customer.page.locator(".chat-row--bot").nth(1).waitFor();
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "organise ana");
    try {
      // A short window, so the transcript overflows and its end sits right above the composer.
      await ana.page.setViewportSize({ width: 1280, height: 560 });
      await ana.page.goto(`/inbox/${id}?queue=now`);
      await expect(ana.page.locator(".timeline").evaluate((log) => log.scrollHeight > log.clientHeight)).resolves.toBe(true);
      await expect.poll(() => lastLineInView(ana.page)).toBe(true);
      const toolsBefore = await ana.page.getByRole("button", { name: "Labels" }).boundingBox();
      await ana.page.getByRole("button", { name: "Labels" }).click();
      await ana.page.getByRole("textbox", { name: "New label" }).fill("Damaged item");
      await ana.page.getByRole("button", { name: "Add", exact: true }).click();
      await ana.page.getByText("Labelled “Damaged item”.").waitFor();
      await row(ana.page, id).getByText("Damaged item").waitFor();
      // The label's pill and the notice made the header taller: the latest line is still in view, not under the composer.
      await expect.poll(() => lastLineInView(ana.page)).toBe(true);
      // The header's buttons stay where they were when the pill makes it taller.
      await expect(ana.page.getByRole("button", { name: "Labels" }).boundingBox()).resolves.toEqual(toolsBefore);
      await ana.page.setViewportSize(DESK);

      // The label filter.
      await ana.page.getByRole("combobox", { name: "Filter by label" }).selectOption({ label: "Damaged item" });
      await ana.page.getByRole("heading", { name: "Needs me · Damaged item" }).waitFor();
      await expect(ana.page.locator(".inbox-row").count()).resolves.toBe(1);
      await snap(ana.page);

      // Snooze until the customer writes: out of Needs me, in Snoozed, back when they write.
      await row(ana.page, id).click();
      await ana.page.getByRole("button", { name: "Snooze" }).click();
      await ana.page.getByRole("button", { name: "Until the customer writes" }).click();
      await ana.page.getByText("Snoozed until the customer writes.").waitFor();
      await ana.page.getByRole("link", { name: /Needs me/ }).click();
      await ana.page.getByRole("heading", { name: "Needs me" }).waitFor();
      await expect.poll(() => row(ana.page, id).count()).toBe(0);
      await ana.page.getByRole("link", { name: /Snoozed/ }).click();
      await row(ana.page, id).getByText("Snoozed until they write").waitFor();
      await snap(ana.page);
      await say(customer.page, "Any news?");
      await ana.page.getByRole("link", { name: /Needs me/ }).click();
      await row(ana.page, id).waitFor();

      // Search: a word from the transcript, and the customer's name.
      await ana.page.getByRole("searchbox", { name: "Search conversations" }).fill("turquoise");
      await ana.page.getByRole("searchbox", { name: "Search conversations" }).press("Enter");
      await ana.page.getByRole("heading", { name: "Search: turquoise" }).waitFor();
      await row(ana.page, id).locator("mark", { hasText: /^turquoise$/ }).waitFor();
      await snap(ana.page);
      await ana.page.getByRole("searchbox", { name: "Search conversations" }).fill("priya");
      await ana.page.getByRole("searchbox", { name: "Search conversations" }).press("Enter");
      await ana.page.getByRole("heading", { name: "Search: priya" }).waitFor();
      await row(ana.page, id).waitFor();
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});

describe("builder polish", () => {
  it("shows every step of a flow with fit view, and offers Publish only when the draft differs from the live version", async () => {
    const { page, app } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    const flow = await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true, draft: true } });
    await e2e.goto(`/flows/${flow.id}`);
    // The flow opens on its first steps at a readable zoom (builder-laptop-phone.test.ts); one
    // click on fit view shows all of it.
    await page.locator(".react-flow__node").first().waitFor();
    await page.getByRole("button", { name: "fit view" }).click();
    const nodes = page.locator(".react-flow__node");
    // Every step of the starter (19 since the help-centre look-up), each drawn once.
    const steps = (JSON.parse(flow.draft) as { nodes: unknown[] }).nodes.length;
    expect(steps).toBe(19);
    await expect.poll(() => nodes.count()).toBe(steps);
    const canvas = await canvasBox(page);
    await expect
      .poll(async () => {
        const boxes = await nodes.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
        return boxes.every((box) => box.left >= canvas.x - 1 && box.top >= canvas.y - 1 && box.right <= canvas.x + canvas.width + 1 && box.bottom <= canvas.y + canvas.height + 1);
      })
      .toBe(true);

    // The draft is the live version: nothing to publish, and the tooltip says why.
    const publish = page.getByRole("button", { name: "Publish" });
    await expect(publish.isDisabled()).resolves.toBe(true);
    await expect(page.locator(".publish-wrap").getAttribute("title")).resolves.toBe("Nothing to publish: the draft is the same as the live version v1.");
    await snap(page);

    await selectCard(page, "start");
    await page.locator(".builder-panel").getByLabel("Greeting", { exact: true }).fill("Hi! Welcome back to Threads & Co.");
    await expect.poll(() => publish.isDisabled()).toBe(false);
    await publish.click();
    await page.getByText("Published version 2.").waitFor();
    await expect.poll(() => publish.isDisabled()).toBe(true);
    expect(await app.db.flowVersion.count({ where: { flowId: flow.id, number: { not: null } } })).toBe(2);
    await snap(page);
  });
});

/** Whether the transcript's last line is inside the transcript's visible box (not scrolled under what is below it). */
function lastLineInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const log = document.querySelector(".timeline");
    const lines = log?.querySelectorAll("[data-role]");
    const last = lines?.[lines.length - 1];
    if (!log || !last) return false;
    return last.getBoundingClientRect().bottom <= log.getBoundingClientRect().bottom + 1;
  });
}
