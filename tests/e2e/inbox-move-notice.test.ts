/**
 * An agent moves the conversation they have open to a team they are not in. It is no longer
 * theirs to see, so the page goes back to /inbox; the empty pane then says where it went and
 * holds keyboard focus (the Move dialog that had it closed with the conversation), and the list
 * keeps the queue the agent was working in. On a phone, where that pane is hidden behind the list,
 * the notice shows above the list instead: it was off-screen, with focus on the list's heading.
 */
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, DESK, inboxHelpers, row } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, closeChecked } = inboxHelpers(e2e);
const PHONE_390 = { width: 390, height: 844 };

/** Ana (Support) claims a new handoff in "All open" and moves it to Billing, a team she is not in. */
async function claimAndMoveToBilling(customerName: string, viewport: typeof DESK) {
  const customer = await customerPage(customerName);
  await askForPerson(customer.page);
  const id = await conversationIdOf(customer.page);
  const ana = e2e.page;
  await ana.setViewportSize(viewport);
  await signIn(ana, "ana@baton.local");
  await e2e.goto(`/inbox/${id}?queue=open`);
  await ana.getByRole("button", { name: "Claim", exact: true }).click();
  await ana.getByText("Assigned to you").waitFor();
  await ana.getByRole("button", { name: "More actions" }).click();
  await ana.getByRole("button", { name: "Move to another team…" }).click();
  const move = ana.getByRole("dialog", { name: "Move to another team" });
  await move.getByLabel("Team", { exact: true }).selectOption({ label: "Billing" });
  await move.getByRole("button", { name: "Move" }).click();
  return { customer, id, ana };
}

describe("moving a conversation out of the agent's teams", () => {
  it("says where it went, with focus on that notice, in the queue the agent was in", async () => {
    const { customer, id, ana } = await claimAndMoveToBilling("move notice", DESK);

    await ana.waitForURL((url) => url.pathname === "/inbox");
    const notice = ana.getByRole("status").filter({ has: ana.getByRole("heading", { name: "Moved to Billing" }) });
    await notice.getByText("It waits in the Billing team's queue, unassigned.").waitFor();
    await expect.poll(() => ana.evaluate(() => document.activeElement?.textContent ?? "")).toBe("Moved to Billing");
    await expect.poll(() => row(ana, id).count()).toBe(0);
    // Still in "All open", where she was working.
    expect(new URL(ana.url()).searchParams.get("queue")).toBe("open");
    await ana.getByRole("heading", { name: "All open" }).waitFor();
    await snap(ana);

    // The notice is only for the team it left: Ben (Billing) opening the same address sees the usual pane.
    const ben = await e2e.browser.newContext({ baseURL: e2e.app.baseUrl, viewport: DESK });
    try {
      const benPage = await ben.newPage();
      await signIn(benPage, "ben@baton.local");
      await benPage.goto(`/inbox?moved=${id}`);
      await benPage.getByRole("heading", { name: "Pick a conversation" }).waitFor();
      await expect(benPage.getByRole("heading", { name: "Moved to Billing" }).count()).resolves.toBe(0);
    } finally {
      await ben.close();
    }
    await closeChecked(customer);
  });

  it("on a phone, where only the list shows, says it above the list, on screen, with focus on it", async () => {
    const { customer, id, ana } = await claimAndMoveToBilling("move notice phone", PHONE_390);

    await ana.waitForURL((url) => url.pathname === "/inbox");
    const notice = ana.getByRole("status").filter({ has: ana.getByRole("heading", { name: "Moved to Billing" }) });
    await notice.getByText("It waits in the Billing team's queue, unassigned.").waitFor();
    // One notice in the accessibility tree (the hidden pane's copy is not), whole inside the screen, above the list's rows.
    await expect(notice.count()).resolves.toBe(1);
    const box = await notice.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE_390.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE_390.height);
    // Focus on it (a screen reader says it), not on a heading that only names the list.
    await expect.poll(() => ana.evaluate(() => document.activeElement?.textContent ?? "")).toBe("Moved to Billing");
    await expect(ana.evaluate(() => Boolean(document.activeElement?.closest(".inbox-list")))).resolves.toBe(true);
    await expect(ana.getByRole("heading", { name: "All open" }).isVisible()).resolves.toBe(true);
    await expect.poll(() => row(ana, id).count()).toBe(0);
    await snap(ana);
    await closeChecked(customer);
  });
});
