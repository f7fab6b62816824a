/**
 * A conversation's life after the first reply, in real browsers against the production build:
 * a KB answer's steps keep their lines in the agent's transcript, resolve and reopen (by the
 * agent, and by the customer writing again: back in the queue with a fresh wait, while the
 * first reply's timing stays), hand back to a chosen step of the flow (it leaves the queue
 * for "With the bot"), and round-robin assignment within capacity and availability.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { untilArticlesAreReadForMeaning } from "./articles-read-for-meaning";
import { askForPerson, conversationIdOf, DESK, inboxHelpers, openHandBack, row, say } from "./inbox-helpers";

const e2e = useE2E();
// The KB answers these tests wait for need the articles ranked by meaning, not on words alone as right after a start.
beforeAll(() => untilArticlesAreReadForMeaning(e2e.browser, e2e.app.baseUrl), 120_000);
const { customerPage, agentPage, closeChecked, ensureCara } = inboxHelpers(e2e);

const RESET_STEPS = [
  "Reset it yourself:",
  "1. On the sign-in page, select Forgot password?",
  "2. Enter your username or email address.",
  "3. Open the email we send you and follow the link within 60 minutes.",
  "4. Choose a new password of at least 10 characters, then sign in.",
];

describe("after the first reply", () => {
  it("shows a KB answer's steps one per line, reopens by the agent and by the customer, and keeps the first reply's timing", async () => {
    const customer = await customerPage("reopen");
    const ana = await agentPage("ana@baton.local", "reopen ana");
    try {
      await say(customer.page, "How do I reset my password?");
      await customer.page.locator(".chat-source").getByText("Reset my password").waitFor();
      await customer.page.locator(".chat-source").getByRole("button", { name: "No" }).click();
      await customer.page.getByText("What's the email address on your account?").waitFor();
      await say(customer.page, "robin@example.com");
      await customer.page.getByText("A person will reply in this chat").first().waitFor();
      const id = await conversationIdOf(customer.page);

      await ana.page.goto(`/inbox/${id}`);
      const transcript = ana.page.getByRole("log", { name: "Transcript" });
      const answer = transcript.locator('[data-role="bot"]', { hasText: "Reset it yourself" }).locator(".line__bubble");
      await answer.waitFor();
      // innerText follows the layout: the steps are on lines of their own, as on the chat page.
      const shown = await answer.innerText();
      expect(shown.split("\n").slice(0, RESET_STEPS.length)).toEqual(RESET_STEPS);
      expect((await answer.boundingBox())!.height).toBeGreaterThan(5 * 18);
      await answer.scrollIntoViewIfNeeded();
      await snap(ana.page);

      const reply = ana.page.getByRole("textbox", { name: "Reply" });
      await reply.fill("Hi Robin, I've sent you a fresh reset link.");
      await reply.press("Enter");
      await transcript.locator('[data-role="agent"]').getByText("I've sent you a fresh reset link.").waitFor();
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();

      // The agent reopens it herself, then resolves it again.
      await ana.page.getByRole("button", { name: "Reopen" }).click();
      await ana.page.getByText("Reopened. It's assigned to you.").waitFor();
      await transcript.getByText("Ana Agent reopened the conversation").waitFor();
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
      await customer.page.getByRole("heading", { name: "How was your conversation?" }).waitFor();

      // Pretend the handoff was 20 minutes ago and Ana answered 3 minutes after it.
      const stored = await e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { firstEscalatedAt: true, escalatedAt: true, firstHumanResponseAt: true } });
      expect(stored.firstEscalatedAt).toEqual(stored.escalatedAt);
      const handedOffAt = new Date(Date.now() - 20 * 60_000);
      await e2e.app.db.conversation.update({
        where: { id },
        data: { firstEscalatedAt: handedOffAt, escalatedAt: handedOffAt, firstHumanResponseAt: new Date(handedOffAt.getTime() + 3 * 60_000) },
      });

      // The customer writes again: it is back in Support's queue, live, waiting from now — not for 20 minutes.
      await ana.page.goto("/inbox?queue=waiting:support");
      await ana.page.getByRole("heading", { name: "Waiting · Support" }).waitFor();
      await say(customer.page, "It still says the link expired");
      await row(ana.page, id).waitFor({ timeout: 10_000 });
      await expect(row(ana.page, id).getByTestId("waiting-time").textContent()).resolves.toMatch(/^\d+s$/);
      await expect(row(ana.page, id).getByText("Unassigned").isVisible()).resolves.toBe(true);
      await expect(row(ana.page, id).getByLabel("1 unread").isVisible()).resolves.toBe(true);
      await expect.poll(() => ana.page.title()).toBe("(1) Inbox · Baton");
      await snap(ana.page);
      await row(ana.page, id).click();
      await transcript.getByText("The customer wrote again: reopened").waitFor();
      // Opening it reads it: the unread count goes.
      await expect.poll(() => row(ana.page, id).getByLabel("1 unread").count()).toBe(0);
      const packet = ana.page.getByRole("complementary", { name: "Handoff details" });
      const fact = (label: string) => packet.locator(".packet__fact", { has: ana.page.getByText(label, { exact: true }) }).locator("dd");
      await expect(fact("First reply").textContent()).resolves.toBe("3m after the handoff");
      await expect(fact("First handoff").isVisible()).resolves.toBe(true);
      await snap(ana.page);
      const reopened = await e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, firstEscalatedAt: true, escalatedAt: true, firstHumanResponseAt: true } });
      expect(reopened.status).toBe("waiting");
      expect(reopened.firstEscalatedAt).toEqual(handedOffAt);
      expect(reopened.escalatedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(reopened.firstHumanResponseAt).toEqual(new Date(handedOffAt.getTime() + 3 * 60_000));
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });

  it("hands a conversation back to a chosen step: the customer gets its question live and it moves to 'With the bot'", async () => {
    const customer = await customerPage("hand back to a step");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = await agentPage("ana@baton.local", "hand back ana");
    try {
      await ana.page.goto(`/inbox/${id}?queue=open`);
      const dialog = await openHandBack(ana.page, /Sure! What's your 10-digit order number/);
      await snap(ana.page);
      await dialog.getByRole("button", { name: "Hand back" }).click();
      await ana.page.getByText("Handed back to the bot.", { exact: true }).waitFor();
      await expect.poll(() => row(ana.page, id).count()).toBe(0);

      await customer.page.getByText("Sure! What's your 10-digit order number?").waitFor();
      await snap(customer.page);
      await ana.page.getByRole("link", { name: "With the bot" }).click();
      await row(ana.page, id).waitFor();
      await row(ana.page, id).click();
      await ana.page.getByText("The bot is handling this conversation.", { exact: false }).waitFor();
      await expect(ana.page.getByRole("textbox", { name: "Reply" }).count()).resolves.toBe(0);
      // The hand back comes before the question it made the bot ask.
      const lines = await ana.page.getByRole("log", { name: "Transcript" }).innerText();
      // …and names the step as the hand-back menu did, not by its id.
      expect(lines).toContain("Ana Agent handed it back to the bot at “Ask for information: Sure! What's your 10-digit order number?");
      expect(lines).not.toContain("ask-order-id");
      expect(lines.indexOf("Ana Agent handed it back to the bot")).toBeLessThan(lines.indexOf("in your order confirmation email"));
      // Reading along: the bot's next question shows up in the open, read-only conversation.
      await say(customer.page, "4829301756");
      await ana.page.getByRole("log", { name: "Transcript" }).getByText("Thanks! And what's the email address on the order?").waitFor({ timeout: 5_000 });
      await snap(ana.page);
      const stored = await e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, assigneeId: true } });
      expect(stored).toEqual({ status: "bot", assigneeId: null });
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });

  it("assigns round robin within each agent's capacity, skips an agent who is away, and gives a waiting conversation to whoever becomes free", async () => {
    await ensureCara();
    const { db } = e2e.app;
    await db.user.update({ where: { email: "cara@baton.local" }, data: { availability: "away" } });
    // Nothing of the earlier tests may count against Ana's capacity.
    await db.conversation.updateMany({ where: { status: { in: ["waiting", "open"] } }, data: { status: "resolved", resolvedAt: new Date() } });

    const admin = e2e.page;
    await admin.setViewportSize(DESK);
    await signIn(admin, "admin@baton.local");
    await e2e.goto("/teams");
    const settings = admin.getByRole("form", { name: "Queue settings of Support" });
    await settings.getByLabel("Support assignment").selectOption("round_robin");
    await settings.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Queue settings saved").waitFor();
    const anaRow = admin.getByRole("row", { name: /Ana Agent/ });
    await anaRow.getByRole("spinbutton", { name: "Open conversations Ana Agent can hold at once" }).fill("1");
    await anaRow.getByRole("button", { name: "Save Ana Agent" }).click();
    await admin.getByRole("status").filter({ hasText: "Changes saved" }).waitFor();
    await snap(admin);

    const ana = await agentPage("ana@baton.local", "round robin ana");
    const cara = await agentPage("cara@baton.local", "round robin cara");
    const first = await customerPage("round robin first");
    const second = await customerPage("round robin second");
    const third = await customerPage("round robin third");
    const assigneeOf = async (id: string) => (await db.conversation.findUniqueOrThrow({ where: { id }, select: { assignee: { select: { email: true } } } })).assignee?.email ?? null;
    try {
      await ana.page.goto("/inbox?queue=mine");
      await askForPerson(first.page);
      const firstId = await conversationIdOf(first.page);
      // Ana is online with room for one: it is hers without a click, in her Mine queue, live.
      await row(ana.page, firstId).waitFor({ timeout: 10_000 });
      expect(await assigneeOf(firstId)).toBe("ana@baton.local");
      await first.page.getByText("Ana joined the conversation.").waitFor();

      // Ana is full and Cara is away: the next one waits.
      await askForPerson(second.page);
      const secondId = await conversationIdOf(second.page);
      await ana.page.goto("/inbox?queue=waiting:support");
      await row(ana.page, secondId).getByText("Unassigned").waitFor();
      expect(await assigneeOf(secondId)).toBeNull();
      await snap(ana.page);

      // Ana resolves her conversation: the waiting one is hers at once.
      await ana.page.goto(`/inbox/${firstId}`);
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
      await expect.poll(() => assigneeOf(secondId), { timeout: 5_000 }).toBe("ana@baton.local");
      await second.page.getByText("Ana joined the conversation.").waitFor();

      // Full again; the third waits until Cara comes online, then it is hers.
      await askForPerson(third.page);
      const thirdId = await conversationIdOf(third.page);
      await cara.page.goto("/inbox?queue=mine");
      await expect(row(cara.page, thirdId).count()).resolves.toBe(0);
      expect(await assigneeOf(thirdId)).toBeNull();
      await cara.page.getByRole("button", { name: "You are away. Switch to online." }).click();
      await row(cara.page, thirdId).waitFor({ timeout: 10_000 });
      expect(await assigneeOf(thirdId)).toBe("cara@baton.local");
      await third.page.getByText("Cara joined the conversation.").waitFor();
      await cara.page.goto(`/inbox/${thirdId}`);
      await cara.page.getByRole("log", { name: "Transcript" }).getByText("Assigned to Cara Agent automatically (round robin)").waitFor();
      await snap(cara.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(cara);
      for (const customer of [first, second, third]) await closeChecked(customer);
    }
  });
});
