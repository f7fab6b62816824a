/**
 * What the inbox browser tests share: a customer on the chat page at phone width, signed-in
 * agents in contexts of their own at desktop width, and the checks when they close.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { openPage, signIn, snap, type E2E, type TestPage } from "./harness";

export const PHONE = { width: 375, height: 740 };
export const DESK = { width: 1280, height: 800 };

// Closing a page aborts a re-read that may be in flight (a live update, an action's revalidation);
// Remix logs that abort (as the body stream's abort, or, for a revalidation the router itself
// cancels, "signal is aborted without reason"). Only at close: the same line during the test still fails it.
const ABORTED_AT_CLOSE = /^console\.error: AbortError: (BodyStreamBuffer was aborted|signal is aborted without reason)/;

export async function say(page: Page, text: string) {
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(text);
  await input.press("Enter");
}

export async function askForPerson(page: Page) {
  await say(page, "I want to talk to a human");
  await page.getByText("A person will reply in this chat").first().waitFor();
}

/** The agent claims the open conversation and opens "Hand back to the bot" with `step` chosen; returns the dialog. */
export async function openHandBack(page: Page, step: string | RegExp) {
  await page.getByRole("button", { name: "Claim", exact: true }).click();
  await page.getByText("Assigned to you").waitFor();
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("button", { name: "Hand back to the bot…" }).click();
  const dialog = page.getByRole("dialog", { name: "Hand back to the bot" });
  await dialog.getByRole("radio", { name: step }).check();
  return dialog;
}

export function row(page: Page, conversationId: string) {
  return page.locator(`.inbox-row[data-conversation-id="${conversationId}"]`);
}

/** The conversation a customer's page is in, from the chat cookie the API set (`<id>.<token>`). */
export async function conversationIdOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "baton_chat_store-support");
  if (!cookie) throw new Error("no chat cookie");
  return decodeURIComponent(cookie.value).split(".")[0];
}

export function inboxHelpers(e2e: E2E) {
  async function customerPage(name: string): Promise<TestPage> {
    const customer = await openPage(e2e.browser, e2e.app.baseUrl, `${name} customer`);
    await customer.page.setViewportSize(PHONE);
    await customer.page.goto("/chat/store-support");
    await customer.page.getByText("I'm the Threads & Co. assistant").waitFor();
    return customer;
  }

  /** A signed-in agent in a context of their own, at the inbox's target size. */
  async function agentPage(email: string, name: string): Promise<TestPage> {
    const agent = await openPage(e2e.browser, e2e.app.baseUrl, name);
    await agent.page.setViewportSize(DESK);
    await signIn(agent.page, email);
    return agent;
  }

  /** Screenshots the last state, closes, and fails on console errors other than `allowed`. */
  async function closeChecked(opened: TestPage, allowed: RegExp | null = null) {
    await snap(opened.page);
    const duringTest = opened.errors.length;
    await opened.close();
    const unexpected = opened.errors.filter((line, index) => !(allowed && allowed.test(line)) && !(index >= duringTest && ABORTED_AT_CLOSE.test(line)));
    expect(unexpected).toEqual([]);
  }

  /** A second support agent with the demo password (the seed has one per team). */
  async function ensureCara(): Promise<void> {
    const { db } = e2e.app;
    if (await db.user.findUnique({ where: { email: "cara@baton.local" }, select: { id: true } })) return;
    const ana = await db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { passwordHash: true } });
    const support = await db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { id: true } });
    await db.user.create({ data: { email: "cara@baton.local", name: "Cara Agent", role: "agent", passwordHash: ana.passwordHash, memberships: { create: [{ teamId: support.id }] } }, select: { id: true } });
  }

  return { customerPage, agentPage, closeChecked, ensureCara };
}
