/**
 * A customer handed off while nobody of the team is online leaves their email in the chat by
 * keyboard: once it is saved, the form gives way to the thank-you line and focus moves to the
 * message box, where they can go on writing. It used to fall to <body> with the form that held it.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { askForPerson, inboxHelpers } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, closeChecked } = inboxHelpers(e2e);

describe("leaving an email while nobody is online", () => {
  it("moves focus to the message box once the email is saved", async () => {
    const customer = await customerPage("away email focus");
    const { page } = customer;
    await askForPerson(page);
    const notice = page.getByRole("region", { name: "No one from the Support team is online right now" });
    const email = notice.getByLabel("Leave your email so the team can get back to you even if you close this page.");
    await email.fill("maya@example.com");
    await email.press("Enter");
    await notice.getByText("Thanks — the team will see maya@example.com with your conversation.").waitFor();
    await expect.poll(() => e2e.app.db.contact.count({ where: { email: "maya@example.com" } })).toBe(1);
    const messageBox = page.getByRole("textbox", { name: "Message" });
    await expect.poll(() => messageBox.evaluate((element) => element === document.activeElement)).toBe(true);
    await snap(page);
    await closeChecked(customer);
  });

  it("leaves focus where the customer moved it while the email was being saved", async () => {
    const customer = await customerPage("away email focus elsewhere");
    const { page } = customer;
    await askForPerson(page);
    const notice = page.getByRole("region", { name: "No one from the Support team is online right now" });
    const email = notice.getByLabel("Leave your email so the team can get back to you even if you close this page.");
    // The save is held until the customer has tabbed out of the form.
    let releaseSave = () => {};
    const saveReleased = new Promise<void>((resolve) => (releaseSave = resolve));
    let saveSent = false;
    await page.route("**/chat/*/email?**", async (route) => {
      saveSent = true;
      await saveReleased;
      await route.continue();
    });
    await email.fill("noor@example.com");
    await email.press("Enter");
    await expect.poll(() => saveSent).toBe(true);
    await page.keyboard.press("Shift+Tab");
    const movedTo = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body || active.closest("form.chat-away")) return null;
      active.setAttribute("data-moved-to", "yes");
      return active.tagName;
    });
    expect(movedTo).not.toBeNull();
    releaseSave();
    await notice.getByText("Thanks — the team will see noor@example.com with your conversation.").waitFor();
    await page.unroute("**/chat/*/email?**");
    // The thank-you line has replaced the form; focus stayed where the customer put it.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-moved-to") ?? document.activeElement?.tagName)).resolves.toBe("yes");
    await closeChecked(customer);
  });
});
