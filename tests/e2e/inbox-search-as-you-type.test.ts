/**
 * The inbox search filters as the agent types (a QA pass: "zebra" typed, all conversations still
 * listed until Enter): the list follows the box after a short pause, the URL's query follows with
 * the history entry replaced, clearing the box lists everything again, Enter still searches.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { conversationIdOf, inboxHelpers, row, say } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);

describe("the inbox search box", () => {
  it("filters the list while the agent types, without a history entry per keystroke", async () => {
    const customer = await customerPage("type-ahead");
    await say(customer.page, "My zebra-print scarf arrived torn, I want to talk to a human");
    await customer.page.getByText("A person will reply in this chat").first().waitFor();
    const id = await conversationIdOf(customer.page);
    await customer.close();
    // Another waiting conversation, without the word: the filter has something to leave out.
    const other = await customerPage("type-ahead other");
    await say(other.page, "I want to talk to a human");
    await other.page.getByText("A person will reply in this chat").first().waitFor();
    const otherId = await conversationIdOf(other.page);
    await other.close();

    const agent = await agentPage("ana@baton.local", "type-ahead ana");
    const { page } = agent;
    await page.goto("/inbox?queue=now");
    await page.getByRole("heading", { name: "Needs me" }).waitFor();
    await row(page, otherId).waitFor();
    const historyBefore = await page.evaluate(() => window.history.length);

    const search = page.getByRole("searchbox", { name: "Search conversations" });
    await search.pressSequentially("zebra", { delay: 60 });
    // No Enter: the list follows the box.
    await page.getByRole("heading", { name: "Search: zebra" }).waitFor({ timeout: 5_000 });
    await row(page, id).waitFor();
    await expect(row(page, otherId).count()).resolves.toBe(0);
    await expect(search.inputValue()).resolves.toBe("zebra");
    expect(new URL(page.url()).searchParams.get("q")).toBe("zebra");
    expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
    await snap(page);

    // Words no conversation has: the list says so.
    await search.pressSequentially("qx", { delay: 60 });
    await page.getByText("No conversations match “zebraqx”.").waitFor({ timeout: 5_000 });
    await expect(search.inputValue()).resolves.toBe("zebraqx");
    await snap(page);

    // Emptied, the box lists the queue again.
    await search.fill("");
    await page.getByRole("heading", { name: "Needs me" }).waitFor({ timeout: 5_000 });
    await row(page, otherId).waitFor();
    expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);

    // Enter still searches at once.
    await search.fill("zebra");
    await search.press("Enter");
    await page.getByRole("heading", { name: "Search: zebra" }).waitFor();
    await row(page, id).waitFor();
    // Clear search empties the box too (the box follows a search it did not send).
    await page.getByRole("link", { name: "Clear search" }).click();
    await page.getByRole("heading", { name: "Needs me" }).waitFor();
    await expect.poll(() => search.inputValue()).toBe("");
    await closeChecked(agent);
  });
});
