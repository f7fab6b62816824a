/**
 * The flow builder with other people and other data around it: a hand-off card naming the
 * team as the workspace knows it (and warning when the team is gone), two admins editing the
 * same draft, and a preview run that ends the way a customer's chat does (with the rating).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, fitView, openStarterCopy, saveState, selectCard } from "./builder-helpers";

const e2e = useE2E();


async function openEditor(page: Page, flowId: string) {
  await page.setViewportSize(BUILDER_VIEWPORT);
  await signIn(page, "admin@baton.local");
  await page.goto(`/flows/${flowId}`);
  await page.locator(".react-flow__node").first().waitFor();
}

async function storedGreeting(flowId: string): Promise<string> {
  const draft = JSON.parse((await e2e.app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
  return draft.nodes.find((node: { id: string }) => node.id === "start").data.greeting;
}

/** Clears the Greeting field and types into it key by key, as a person does. */
async function typeGreeting(page: Page, text: string) {
  await selectCard(page, "start");
  const field = page.locator(".builder-panel").getByLabel("Greeting", { exact: true });
  await field.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await field.pressSequentially(text, { delay: 15 });
}

describe("the hand-off card", () => {
  it("names the team as the workspace calls it, and warns on the card when the team no longer exists", async () => {
    const { page, app } = e2e;
    await app.db.team.create({ data: { slug: "returns-desk", name: "Returns & exchanges" } });
    const flowId = await openStarterCopy(page, "Team names");
    // The canvas draws only the cards in view: show the whole flow.
    await fitView(page);
    const handoff = card(page, "to-billing");
    await expect(handoff.locator(".node-text").textContent()).resolves.toBe("To the Billing team");

    await selectCard(page, "to-billing");
    await page.locator(".builder-panel").getByLabel("Team", { exact: true }).selectOption({ label: "Returns & exchanges" });
    await expect.poll(() => handoff.locator(".node-text").textContent()).toBe("To the Returns & exchanges team");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes.find((node: { id: string }) => node.id === "to-billing").data.team).toBe("returns-desk");

    // Someone removes the team; the next time the flow is opened the card says what is wrong.
    await app.db.team.delete({ where: { slug: "returns-desk" } });
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    await fitView(page);
    await expect(handoff.locator(".node-warning").textContent()).resolves.toBe("Team “returns-desk” no longer exists: choose another");
    await expect(handoff.locator(".node-badge-error").getAttribute("title")).resolves.toBe('There is no team "returns-desk".');
    await selectCard(page, "to-billing");
    await expect(page.locator(".builder-panel").getByLabel("Team", { exact: true }).locator("option:checked").textContent()).resolves.toBe("returns-desk (no such team)");
    await snap(page);
  });
});

describe("two people on one draft", () => {
  it("shows the conflict, loads the other person's version, and keeps one's own edit one undo away", async () => {
    const { page, browser, app } = e2e;
    const flowId = await openStarterCopy(page, "Two admins");
    // The second admin, in a browser of their own.
    const other = await openPage(browser, app.baseUrl, "two admins other browser");
    try {
      await openEditor(other.page, flowId);
      await typeGreeting(other.page, "Hello from the other admin");
      await expect.poll(() => saveState(other.page).textContent(), { timeout: 10_000 }).toBe("Saved");
      expect(await storedGreeting(flowId)).toBe("Hello from the other admin");

      // This admin's view is older: their edit is refused, not written over the other one.
      await typeGreeting(page, "Hello from me");
      const banner = page.getByRole("alert").filter({ hasText: "Someone else saved this flow" });
      await banner.waitFor({ timeout: 10_000 });
      await expect(saveState(page).textContent()).resolves.toMatch(/not saved|conflict/i);
      await snap(page);
      expect(await storedGreeting(flowId)).toBe("Hello from the other admin");

      await banner.getByRole("button", { name: "Load their version" }).click();
      await expect.poll(() => card(page, "start").locator(".node-text").textContent()).toBe("Hello from the other admin");
      await page.getByText("Their version is loaded and your edits are set aside.").waitFor();
      await expect(banner.count()).resolves.toBe(0);
      await expect(saveState(page).textContent()).resolves.toBe("Saved");
      await snap(page);

      // Nothing typed is lost: Undo brings this admin's text back, and it saves over theirs.
      await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
      await page.keyboard.press("Control+z");
      await expect.poll(() => card(page, "start").locator(".node-text").textContent()).toBe("Hello from me");
      // The card repaints a frame before autosave flips the indicator to "Saving…": wait for the stored text itself.
      await expect.poll(() => storedGreeting(flowId), { timeout: 10_000 }).toBe("Hello from me");
      await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");

      // Now the other admin is behind: their next edit meets the conflict, and they keep theirs.
      await typeGreeting(other.page, "Second try from the other admin");
      await other.page.getByText("Someone else saved this flow").waitFor({ timeout: 10_000 });
      await other.page.getByRole("button", { name: "Keep mine and save" }).click();
      await expect.poll(() => saveState(other.page).textContent(), { timeout: 10_000 }).toBe("Saved");
      expect(await storedGreeting(flowId)).toBe("Second try from the other admin");
    } finally {
      await other.close();
    }
    expect(other.errors).toEqual([]);
  });
});

describe("preview ending", () => {
  it("asks for the 1–5 rating at an end step like the chat page, and the rating is stored", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(page, "Preview rating");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const panel = page.locator(".builder-panel");
    await panel.getByText("I'm the Threads & Co. assistant").waitFor();
    const composer = panel.getByRole("textbox", { name: "Message" });
    for (const [text, reply] of [
      ["Where is my order?", "What's your 10-digit order number?"],
      ["4829301756", "what's the email address on the order?"],
      ["sam@example.com", "What does the tracking page"],
    ]) {
      await composer.pressSequentially(text);
      await composer.press("Enter");
      await panel.getByText(reply).waitFor();
    }
    await panel.getByRole("button", { name: "In transit" }).click();
    await panel.getByText("Glad I could help!").waitFor();
    await expect.poll(() => page.locator(".node-card.is-active").getAttribute("data-node-id")).toBe("done");

    const prompt = panel.getByRole("region", { name: "How was your conversation?" });
    await prompt.waitFor();
    await expect(panel.getByRole("textbox", { name: "Message" }).count()).resolves.toBe(0);
    await snap(page);
    // Rated from the keyboard, as on the chat page.
    await prompt.getByRole("button", { name: "4 of 5: Good" }).focus();
    await page.keyboard.press("Enter");
    await panel.getByRole("heading", { name: "Thanks for your rating!" }).waitFor();
    await panel.getByText("The conversation ended and was rated 4 of 5.").waitFor();
    await expect.poll(async () => (await app.db.conversation.findFirst({ where: { flowId, channel: "preview" }, select: { status: true, csat: true } }))).toEqual({ status: "resolved", csat: 4 });
    await snap(page);
  });
});
