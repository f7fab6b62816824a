/**
 * The agent inbox and the customer's chat page together, in two browser contexts against the
 * production build with the seeded starter flow "store-support": a customer asks for help, the
 * agent already on /inbox sees it arrive live, reads what the bot captured, claims, replies;
 * the customer gets the reply live, the agent resolves, the customer rates.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E, type TestPage } from "./harness";
import { askForPerson, conversationIdOf, DESK, inboxHelpers, row, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked, ensureCara } = inboxHelpers(e2e);

/** The missing-parcel path of the starter flow: intent, three captured fields, a high-priority handoff to support. */
async function reportMissingParcel(page: Page, email = "sam.rivera@example.com") {
  await say(page, "Where is my order 4829301756? It hasn't arrived");
  await page.getByText("what's the email address on the order?").waitFor();
  await say(page, email);
  await page.getByRole("group", { name: "Suggested replies" }).getByRole("button", { name: "Delivered" }).click();
  await page.getByText("a person will reply in this chat to trace it").first().waitFor();
}

async function finish(customer: TestPage) {
  await snap(customer.page);
  await customer.close();
  expect(customer.errors).toEqual([]);
}

describe("the inbox, live with the chat page", () => {
  it("a handoff appears live, the agent claims and replies, the customer sees it live, resolves and rates", async () => {
    const agent = e2e.page;
    await agent.setViewportSize(DESK);
    await signIn(agent, "ana@baton.local");
    await e2e.goto("/inbox");
    await agent.getByRole("heading", { name: "Needs me" }).waitFor();
    await snap(agent);

    const customer = await customerPage("handoff");
    try {
    await reportMissingParcel(customer.page);
    await snap(customer.page);
    const id = await conversationIdOf(customer.page);

    // Without a reload: the row arrives, the tab title counts it.
    await row(agent, id).waitFor({ timeout: 10_000 });
    await row(agent, id).getByText("Order status").waitFor();
    await expect.poll(() => agent.title()).toMatch(/^\(1\) Inbox · Baton$/);
    await expect(row(agent, id).locator(".pill--high").textContent()).resolves.toBe("High");
    await snap(agent);

    await row(agent, id).click();
    await agent.waitForURL(`**/inbox/${id}?queue=now`);
    const packet = agent.getByRole("complementary", { name: "Handoff details" });
    await packet.getByText("Order marked as delivered but the customer has not received it", { exact: true }).waitFor();
    await expect(packet.getByText("Order status", { exact: true }).isVisible()).resolves.toBe(true);
    for (const [label, value] of [["Order id", "4829301756"], ["Email", "sam.rivera@example.com"], ["Shipping status", "Delivered"]]) {
      const fact = packet.locator(".packet__fields .packet__fact", { hasText: label });
      await expect(fact.locator("dd").textContent()).resolves.toBe(value);
    }
    await expect(packet.getByText("Check a field: shipping_status is “Delivered”").isVisible()).resolves.toBe(true);
    await expect(packet.locator(".packet__list li", { hasText: "What does the tracking page in your confirmation email say right now?" }).isVisible()).resolves.toBe(true);
    const transcript = agent.getByRole("log", { name: "Transcript" });
    await expect(transcript.locator('[data-role="customer"]').first().textContent()).resolves.toContain("Where is my order 4829301756?");
    // The contact (only an email here) is shown whole beside the tools of a waiting conversation, not cut to "sam.rivera@exampl…".
    const contact = agent.getByRole("heading", { level: 2, name: "sam.rivera@example.com" });
    await expect(contact.evaluate((heading) => heading.scrollWidth <= heading.clientWidth && heading.scrollHeight <= heading.clientHeight)).resolves.toBe(true);
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
    // The claim's "done" gives way once the conversation has moved on.
    await agent.getByText("You claimed this conversation.").waitFor({ state: "hidden" });
    await snap(agent);

    // The customer's page was not reloaded: the reply arrives on its live stream.
    const agentLine = customer.page.locator(".chat-bubble--agent");
    await agentLine.getByText("I'm checking with the carrier right now.").waitFor({ timeout: 5_000 });
    await expect(agentLine.textContent()).resolves.toContain("Hi Sam, I'm so sorry.\nI'm checking with the carrier right now.");
    await customer.page.locator(".chat-author", { hasText: "Ana" }).first().waitFor();
    await customer.page.getByText("Ana from Support").waitFor();
    await snap(customer.page);

    // And back: the customer's answer appears in the agent's open conversation without a reload.
    await say(customer.page, "Thank you! The tracking says it was left at the door.");
    await transcript.locator('[data-role="customer"]').getByText("Thank you! The tracking says it was left at the door.").waitFor({ timeout: 5_000 });
    await snap(agent);

    await agent.getByRole("button", { name: "Resolve" }).click();
    await agent.getByText("Resolved. The customer is asked for a rating.").waitFor();
    await customer.page.getByRole("heading", { name: "How was your conversation?" }).waitFor({ timeout: 5_000 });
    await snap(customer.page);
    // The agent looks at the Resolved queue with the conversation open while the customer rates.
    await agent.getByRole("link", { name: "Resolved" }).click();
    await agent.waitForURL("**/inbox?queue=resolved");
    await row(agent, id).click();
    await agent.waitForURL(`**/inbox/${id}?queue=resolved`);
    await expect(row(agent, id).getByTestId("rating").count()).resolves.toBe(0);
    await customer.page.getByRole("button", { name: "5 of 5" }).click();
    await customer.page.getByRole("heading", { name: "Thanks for your rating!" }).waitFor();
    await snap(customer.page);
    // Without a reload: the rating reaches the list row, the transcript and the packet.
    await row(agent, id).getByTestId("rating").getByText("5/5").waitFor({ timeout: 5_000 });
    await transcript.getByText("The customer rated the conversation 5/5").waitFor();
    await expect(packet.locator(".packet__fact", { hasText: "Rating" }).locator("dd").textContent()).resolves.toBe("5 / 5");
    await snap(agent);

    const stored = await e2e.app.db.conversation.findUniqueOrThrow({
      where: { id },
      select: { status: true, csat: true, firstHumanResponseAt: true, resolvedAt: true, escalatedAt: true, assignee: { select: { email: true } } },
    });
    expect(stored).toMatchObject({ status: "resolved", csat: 5, assignee: { email: "ana@baton.local" } });
    expect(stored.firstHumanResponseAt!.getTime()).toBeGreaterThanOrEqual(stored.escalatedAt!.getTime());
    expect(stored.resolvedAt!.getTime()).toBeGreaterThanOrEqual(stored.firstHumanResponseAt!.getTime());

    await agent.reload();
    await agent.getByText("The customer rated the conversation 5/5").waitFor();
    } finally {
      await finish(customer);
    }
  });

  it("keeps everything across reloads on both sides, stores a resent reply once, and shows markup as text", async () => {
    const customer = await customerPage("reload");
    const agent = await agentPage("ana@baton.local", "reload agent");
    const dialogs: string[] = [];
    for (const page of [customer.page, agent.page]) page.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    try {
      const attack = "<img src=x onerror=alert(1)>";
      await say(customer.page, attack);
      await customer.page.getByText("Sorry, I didn't quite catch that.").waitFor();
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);

      await agent.page.goto(`/inbox/${id}`);
      const transcript = agent.page.getByRole("log", { name: "Transcript" });
      await expect(transcript.locator('[data-role="customer"] .line__bubble').first().textContent()).resolves.toBe(attack);
      await expect(agent.page.locator(".timeline img, .inbox-rows img").count()).resolves.toBe(0);

      // The first send reaches the server but its answer is lost: the composer resends the same id.
      const sentIds: string[] = [];
      let calls = 0;
      await agent.page.route("**/inbox/*/messages", async (route) => {
        calls += 1;
        sentIds.push(new URLSearchParams(route.request().postData() ?? "").get("clientMessageId") ?? "");
        if (calls === 1) {
          await route.fetch();
          return route.abort("connectionreset");
        }
        return route.continue();
      });
      const reply = agent.page.getByRole("textbox", { name: "Reply" });
      await reply.fill("<b>Not bold</b> — a person here. What happened?");
      await reply.press("Enter");
      await transcript.locator('[data-role="agent"]').getByText("<b>Not bold</b> — a person here. What happened?").waitFor();
      await expect.poll(() => calls, { timeout: 5_000 }).toBe(2);
      await agent.page.locator(".line--pending").waitFor({ state: "detached" });
      expect(sentIds[0]).toBe(sentIds[1]);
      await agent.page.unroute("**/inbox/*/messages");
      expect(await e2e.app.db.message.count({ where: { conversationId: id, role: "agent" } })).toBe(1);

      // An internal note: the agent sees it, the customer never does.
      await agent.page.getByRole("button", { name: "Internal note" }).click();
      const note = agent.page.getByRole("textbox", { name: "Internal note" });
      await note.fill("Customer sounds upset, be gentle");
      await note.press("Enter");
      await transcript.locator('[data-role="note"]').getByText("Customer sounds upset, be gentle").waitFor();
      await snap(agent.page);

      await customer.page.locator(".chat-bubble--agent").getByText("<b>Not bold</b> — a person here. What happened?").waitFor();
      await customer.page.reload();
      await customer.page.locator(".chat-bubble--agent").getByText("<b>Not bold</b> — a person here. What happened?").waitFor();
      await expect(customer.page.locator(".chat-bubble--customer").getByText(attack, { exact: true }).isVisible()).resolves.toBe(true);
      await expect(customer.page.getByText("Customer sounds upset").count()).resolves.toBe(0);
      await expect(customer.page.locator(".chat-log img, .chat-bubble b").count()).resolves.toBe(0);
      await snap(customer.page);

      await agent.page.reload();
      await transcript.locator('[data-role="note"]').getByText("Customer sounds upset, be gentle").waitFor();
      await expect(transcript.locator('[data-role="customer"] .line__bubble').first().textContent()).resolves.toBe(attack);
      await expect(transcript.locator('[data-role="agent"]').count()).resolves.toBe(1);
      await expect(agent.page.locator(`.inbox-row[data-conversation-id="${id}"] .inbox-row__preview`).textContent()).resolves.toContain("<b>Not bold</b>");
      await snap(agent.page);
      // The script could only run from an element built from the text: there is none on either page.
      for (const page of [customer.page, agent.page]) await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await closeChecked(customer);
      await closeChecked(agent, /^console\.error: Failed to load resource: net::ERR_CONNECTION_RESET/);
    }
  });

  it("lets one of two agents who click Claim at once win, and tells the other", async () => {
    await ensureCara();
    const customer = await customerPage("claim race");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "claim race ana");
    const cara = await agentPage("cara@baton.local", "claim race cara");
    try {
      await Promise.all([ana.page.goto(`/inbox/${id}`), cara.page.goto(`/inbox/${id}`)]);
      const claim = (page: Page) => page.getByRole("button", { name: "Claim", exact: true });
      await Promise.all([claim(ana.page).waitFor(), claim(cara.page).waitFor()]);
      await Promise.all([claim(ana.page).click(), claim(cara.page).click()]);
      const told = async (page: Page) => {
        const banner = page.locator(".convo-banner");
        await banner.waitFor();
        return banner.textContent();
      };
      const [anaSays, caraSays] = await Promise.all([told(ana.page), told(cara.page)]);
      const messages = [anaSays, caraSays].sort();
      expect(messages).toEqual(expect.arrayContaining(["You claimed this conversation."]));
      expect(messages.some((text) => /^(Ana|Cara) Agent claimed this conversation first\.$/.test(text ?? ""))).toBe(true);
      const winner = anaSays === "You claimed this conversation." ? "ana@baton.local" : "cara@baton.local";
      const stored = await e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { assignee: { select: { email: true } } } });
      expect(stored.assignee?.email).toBe(winner);
      await snap(ana.page);
      await snap(cara.page);
    } finally {
      await closeChecked(ana, /^console\.error: Failed to load resource: the server responded with a status of 409/);
      await closeChecked(cara, /^console\.error: Failed to load resource: the server responded with a status of 409/);
      await finish(customer);
    }
  });

  it("shows no queue as current while a search is shown, says the matches span every queue, and Clear search goes back", async () => {
    const customer = await customerPage("search scope");
    await askForPerson(customer.page);
    await finish(customer);
    const agent = await agentPage("ana@baton.local", "search scope ana");
    const queues = agent.page.getByRole("navigation", { name: "Queues" });
    const current = queues.locator('.queue-link[aria-current="page"]');
    await agent.page.goto("/inbox?queue=now");
    await expect.poll(() => current.allTextContents()).toEqual([expect.stringContaining("Needs me")]);

    const search = agent.page.getByRole("searchbox", { name: "Search conversations" });
    await search.fill("human");
    await search.press("Enter");
    await agent.page.getByRole("heading", { name: "Search: human" }).waitFor();
    // "Needs me" stayed highlighted over matches from every queue.
    await expect(current.count()).resolves.toBe(0);
    await expect(agent.page.getByTestId("search-scope").textContent()).resolves.toBe("In all your queues · Clear search");
    await snap(agent.page);

    // On a phone the queue select says the same instead of naming a queue.
    await agent.page.setViewportSize({ width: 390, height: 800 });
    const select = agent.page.getByRole("combobox", { name: "Queue" });
    await expect(select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent)).resolves.toBe("Search · all queues");
    await snap(agent.page);

    await agent.page.setViewportSize(DESK);
    await agent.page.getByRole("link", { name: "Clear search" }).click();
    await agent.page.getByRole("heading", { name: "Needs me" }).waitFor();
    await expect.poll(() => current.allTextContents()).toEqual([expect.stringContaining("Needs me")]);
    await expect(agent.page.getByTestId("search-scope").count()).resolves.toBe(0);
    await closeChecked(agent);
  });

  it("shows another team's conversation exactly like an unknown id: 404, Conversation not found", async () => {
    const customer = await customerPage("access");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    await finish(customer);
    await signIn(e2e.page, "ben@baton.local");
    const otherTeam = await e2e.goto(`/inbox/${id}`);
    expect(otherTeam?.status()).toBe(404);
    await e2e.page.getByRole("heading", { name: "Conversation not found" }).waitFor();
    await expect(e2e.page.locator(".timeline").count()).resolves.toBe(0);
    const missing = await e2e.goto("/inbox/c000000000000000000000000");
    expect(missing?.status()).toBe(404);
    await e2e.page.getByRole("heading", { name: "Conversation not found" }).waitFor();
    // Ben's own queues never list it.
    await e2e.goto("/inbox?queue=open");
    await expect(row(e2e.page, id).count()).resolves.toBe(0);
  });

  it("moves a conversation to another team with a note, and that team hands it back to the bot for the rating", async () => {
    const customer = await customerPage("move and hand back");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "move ana");
    const ben = await agentPage("ben@baton.local", "move ben");
    try {
      await ana.page.goto(`/inbox/${id}`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      await ana.page.getByRole("button", { name: "More actions" }).click();
      await ana.page.getByRole("button", { name: "Move to another team…" }).click();
      const move = ana.page.getByRole("dialog", { name: "Move to another team" });
      await move.getByLabel("Team", { exact: true }).selectOption({ label: "Billing" });
      await move.getByLabel("Note for the team (internal)").fill("Asked about a double charge on the card");
      await snap(ana.page);
      await move.getByRole("button", { name: "Move" }).click();
      // No longer hers: back to her queues, without it, told where it went.
      await ana.page.waitForURL((url) => url.pathname === "/inbox");
      await ana.page.getByRole("heading", { name: "Moved to Billing" }).waitFor();
      await expect.poll(() => row(ana.page, id).count()).toBe(0);
      await customer.page.getByText("You're being connected to our Billing team. A person will reply in this chat.").waitFor();

      await ben.page.goto("/inbox?queue=waiting:billing");
      await row(ben.page, id).click();
      const transcript = ben.page.getByRole("log", { name: "Transcript" });
      await transcript.locator('[data-role="note"]').getByText("Asked about a double charge on the card").waitFor();
      await transcript.getByText("Ana Agent moved it from Support to Billing").waitFor();
      await ben.page.getByRole("button", { name: "More actions" }).click();
      await ben.page.getByRole("button", { name: "Hand back to the bot…" }).click();
      const handBack = ben.page.getByRole("dialog", { name: "Hand back to the bot" });
      const first = handBack.getByRole("radio").first();
      await expect(first.isChecked()).resolves.toBe(true);
      await handBack.getByText("Closes the conversation and asks the customer for a rating.").waitFor();
      await snap(ben.page);
      await handBack.getByRole("button", { name: "Hand back" }).click();
      await ben.page.getByText("Handed back: the bot closed the conversation and asked for a rating.").waitFor();
      await ben.page.getByRole("button", { name: "Reopen" }).waitFor();
      await snap(ben.page);

      await customer.page.getByText("Glad I could help! Thanks for shopping with Threads & Co.").waitFor();
      await customer.page.getByRole("heading", { name: "How was your conversation?" }).waitFor();
      await expect(customer.page.getByText("double charge").count()).resolves.toBe(0);
      await snap(customer.page);
      const stored = await e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, team: { select: { slug: true } } } });
      expect(stored).toEqual({ status: "resolved", team: { slug: "billing" } });
    } finally {
      await closeChecked(ana);
      await closeChecked(ben);
      await finish(customer);
    }
  });

  it("offers saved replies before the team has any: the picker says there are none and links to where they are added", async () => {
    await e2e.app.db.savedReply.deleteMany();
    const customer = await customerPage("no saved replies");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const opened = await agentPage("ana@baton.local", "no saved replies agent");
    const agent = opened.page;
    try {
      await agent.goto(`/inbox/${id}`);
      const picker = agent.getByRole("button", { name: "Saved replies" });
      await picker.click();
      await expect(picker.getAttribute("aria-expanded")).resolves.toBe("true");
      const panel = agent.locator(`[id="${await picker.getAttribute("aria-controls")}"]`);
      await panel.getByText("No saved replies for Support yet.").waitFor();
      await snap(agent);
      await panel.getByRole("link", { name: "Saved replies" }).click();
      await agent.getByRole("heading", { name: "Saved replies", level: 2 }).waitFor();
      expect(new URL(agent.url()).pathname).toBe("/inbox/saved-replies");
      await agent.getByRole("form", { name: "Add a saved reply" }).waitFor();
    } finally {
      await closeChecked(opened);
      await finish(customer);
    }
  });

  it("manages saved replies and inserts one into a reply", async () => {
    const customer = await customerPage("saved replies");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const opened = await agentPage("ana@baton.local", "saved replies agent");
    const agent = opened.page;
    try {
    await agent.goto("/inbox");
    await agent.getByRole("link", { name: "Saved replies" }).click();
    await agent.getByRole("heading", { name: "Saved replies", level: 2 }).waitFor();
    const form = agent.getByRole("form", { name: "Add a saved reply" });
    await form.getByRole("button", { name: "Add saved reply" }).click();
    await form.getByText("Give it a title").waitFor();
    await snap(agent);
    await form.getByLabel("Title").fill("Refund timing");
    await form.getByLabel("Reply").fill("Refunds reach your card within 5 business days of us receiving the return.");
    await form.getByRole("button", { name: "Add saved reply" }).click();
    await agent.getByText("Saved reply added.").waitFor();
    await agent.getByRole("region", { name: "Support saved replies" }).getByText("Refund timing").waitFor();
    await snap(agent);

    await agent.goto(`/inbox/${id}`);
    const reply = agent.getByRole("textbox", { name: "Reply" });
    await reply.fill("Hi! ");
    await agent.getByRole("button", { name: "Saved replies" }).click();
    await agent.getByLabel("Find a saved reply").fill("refund");
    await snap(agent);
    await agent.getByRole("button", { name: /Refund timing/ }).click();
    await expect(reply.inputValue()).resolves.toBe("Hi! Refunds reach your card within 5 business days of us receiving the return.");
    await reply.press("Enter");
    await customer.page.locator(".chat-bubble--agent").getByText("Hi! Refunds reach your card within 5 business days").waitFor();
    } finally {
      await closeChecked(opened);
      await finish(customer);
    }
  });

  it("flags an SLA breach with the team's target set on the Teams page, and the wait keeps ticking", async () => {
    const customer = await customerPage("sla");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    await finish(customer);
    // It has waited 7 minutes.
    await e2e.app.db.conversation.update({ where: { id }, data: { escalatedAt: new Date(Date.now() - 7 * 60_000) } });

    const admin = e2e.page;
    await admin.setViewportSize(DESK);
    await signIn(admin, "admin@baton.local");
    await e2e.goto("/teams");
    const settings = admin.getByRole("form", { name: "Queue settings of Support" });
    await settings.getByLabel("Support first reply target in minutes").fill("5");
    await settings.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Queue settings saved").waitFor();
    await snap(admin);
    expect((await e2e.app.db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { slaMinutes: true } })).slaMinutes).toBe(5);

    await e2e.goto("/inbox?queue=waiting:support");
    const waiting = row(admin, id);
    await waiting.locator(".pill--breach").getByText("SLA breached").waitFor();
    const before = await waiting.getByTestId("waiting-time").textContent();
    expect(before).toMatch(/^7m$/);
    await snap(admin);
    // Under an hour the wait shows minutes; check it is the client clock that moves it.
    await admin.evaluate(() => {
      const offset = 60_000;
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + offset;
    });
    await expect.poll(() => waiting.getByTestId("waiting-time").textContent(), { timeout: 5_000 }).toBe("8m");
  });

  it("notifies an opted-in agent at the moment of handoff and counts it in the tab title", async () => {
    const agent = await openPage(e2e.browser, e2e.app.baseUrl, "notify agent");
    await agent.context.grantPermissions(["notifications"], { origin: e2e.app.baseUrl });
    await agent.page.addInitScript(() => {
      const shown: Array<{ title: string; body?: string }> = [];
      (window as unknown as { __shown: typeof shown }).__shown = shown;
      class RecordingNotification {
        static permission = "granted";
        static requestPermission = async () => "granted";
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body });
        }
        close() {}
      }
      (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
    });
    await agent.page.setViewportSize(DESK);
    await signIn(agent.page, "ana@baton.local");
    await agent.page.goto("/inbox?queue=waiting:support");
    const alerts = agent.page.getByRole("switch", { name: "Handoff alerts" });
    if ((await alerts.getAttribute("aria-checked")) !== "true") await alerts.click();
    await expect.poll(() => alerts.getAttribute("aria-checked")).toBe("true");
    await expect.poll(async () => (await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { notifyOnHandoff: true } })).notifyOnHandoff).toBe(true);
    const titleBefore = await agent.page.title();
    const countBefore = Number(/^\((\d+)\)/.exec(titleBefore)?.[1] ?? 0);

    const customer = await customerPage("notify");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    await row(agent.page, id).waitFor();
    await expect.poll(() => agent.page.evaluate(() => (window as unknown as { __shown: Array<{ title: string }> }).__shown.map((shown) => shown.title))).toEqual([
      "New conversation in Support",
    ]);
    await expect.poll(() => agent.page.title()).toBe(`(${countBefore + 1}) Inbox · Baton`);
    await snap(agent.page);

    // Going away: automatic assignment skips her; the switch says so.
    await agent.page.getByRole("button", { name: "You are online. Switch to away." }).click();
    await agent.page.getByRole("button", { name: "You are away. Switch to online." }).waitFor();
    await expect.poll(async () => (await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { availability: true } })).availability).toBe("away");
    await agent.page.getByRole("button", { name: "You are away. Switch to online." }).click();
    await expect.poll(async () => (await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { availability: true } })).availability).toBe("online");
    await closeChecked(agent);
    await finish(customer);
  });
});
