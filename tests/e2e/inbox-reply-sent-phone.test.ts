/**
 * An agent's own reply on a phone looks sent as soon as the server stored it: their name, the
 * time, full colour. It stayed a faded "You · sent" until the page's loaders had all run again
 * (the list, the queues, the conversation), which on a phone on a slow connection took a while.
 * Here the page's re-reads are held back while the reply is sent, so only the composer's own
 * answer can make it look sent; released, the re-read shows the same line once.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);
const PHONE = { width: 390, height: 844 };
const REPLY = "Thanks for waiting, I'm checking the courier's scan now.";

/** Holds every loader read (single fetch: a GET of `<path>.data`) until the returned release is called. */
async function holdLoaderReads(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const matches = (url: URL) => url.pathname.endsWith(".data");
  const handler = async (route: Route) => {
    if (route.request().method() === "GET") await released;
    await route.continue().catch(() => undefined);
  };
  await page.route(matches, handler);
  return async () => {
    release();
    await page.unroute(matches, handler);
  };
}

describe("an agent's reply on a phone", () => {
  it("looks sent (name, time, not faded) once the server stored it, without waiting for the page to re-read", async () => {
    const customer = await customerPage("reply sent phone");
    const ana = await agentPage("ana@baton.local", "reply sent phone ana");
    const { page } = ana;
    try {
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);
      await page.setViewportSize(PHONE);
      await page.goto(`/inbox/${id}`);
      const reply = page.getByRole("textbox", { name: "Reply" });
      await reply.waitFor();

      const releaseReads = await holdLoaderReads(page);
      await reply.fill(REPLY);
      await reply.press("Enter");
      // Stored: the customer has it.
      await customer.page.getByText(REPLY).waitFor();

      const sent = page.locator(".timeline .line--agent").filter({ hasText: REPLY });
      await sent.locator(".line__speaker", { hasText: "Ana Agent" }).waitFor({ timeout: 5_000 });
      await expect(sent.count()).resolves.toBe(1);
      await expect(sent.getAttribute("class")).resolves.not.toContain("line--pending");
      await expect(sent.evaluate((element) => getComputedStyle(element).opacity)).resolves.toBe("1");
      await expect(sent.getAttribute("data-message-id")).resolves.toBe(
        (await e2e.app.db.message.findFirstOrThrow({ where: { conversationId: id, text: REPLY }, select: { id: true } })).id,
      );
      await expect(sent.locator("time").count()).resolves.toBe(1);
      await expect(page.getByText("You · sent").count()).resolves.toBe(0);
      // Nothing was re-read meanwhile: the header still shows the conversation as it was before the reply claimed it.
      await expect(page.locator(".convo-head__meta").textContent()).resolves.toContain("Unassigned");
      await expect(page.locator(".timeline-system", { hasText: "Ana joined the conversation." }).count()).resolves.toBe(0);
      await snap(page);

      // The page's own re-read brings the same line: still one, and now the claim's "Ana joined the conversation." above it.
      await releaseReads();
      await page.locator(".timeline-system", { hasText: "Ana joined the conversation." }).waitFor();
      await expect.poll(() => page.locator(".convo-head__meta").textContent()).toContain("Assigned to you");
      await expect(sent.count()).resolves.toBe(1);
      await snap(page);
    } finally {
      await closeChecked(customer);
      await closeChecked(ana);
    }
  });
});
