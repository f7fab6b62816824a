/**
 * The inbox's two dialogs open on their first question, not on their Close button: "Move to
 * another team" on the Team select, "Hand back to the bot" on the step already chosen. A keyboard
 * user answers at once (arrow keys in the select or the radios) instead of tabbing past Close,
 * and a screen reader starts reading at the question.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, DESK, inboxHelpers } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, closeChecked } = inboxHelpers(e2e);

/** What has focus, as "tag#id" or "tag[name=value]" for a radio. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element) return "";
    return element.type === "radio" ? `radio checked=${element.checked}` : `${element.tagName.toLowerCase()}#${element.id}`;
  });

describe("inbox dialogs by keyboard", () => {
  it("Move to another team opens on the Team select, Hand back to the bot on the chosen step", async () => {
    const customer = await customerPage("dialog focus");
    await askForPerson(customer.page);
    const id = await conversationIdOf(customer.page);
    const ana = e2e.page;
    await ana.setViewportSize(DESK);
    await signIn(ana, "ana@baton.local");
    await e2e.goto(`/inbox/${id}`);
    await ana.getByRole("button", { name: "Claim", exact: true }).click();
    await ana.getByText("Assigned to you").waitFor();

    await ana.getByRole("button", { name: "More actions" }).click();
    await ana.getByRole("button", { name: "Move to another team…" }).click();
    await ana.getByRole("dialog", { name: "Move to another team" }).waitFor();
    await expect.poll(() => focused(ana)).toBe("select#reassign-team");
    await snap(ana);
    await ana.keyboard.press("Escape");
    await expect.poll(() => ana.getByRole("dialog").count()).toBe(0);

    await ana.getByRole("button", { name: "More actions" }).click();
    await ana.getByRole("button", { name: "Hand back to the bot…" }).click();
    await ana.getByRole("dialog", { name: "Hand back to the bot" }).waitFor();
    await expect.poll(() => focused(ana)).toBe("radio checked=true");
    await snap(ana);
    await closeChecked(customer);
  });
});
