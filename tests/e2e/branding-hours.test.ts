/**
 * Branding and business hours in Chromium: the admin brands the chat with a live preview (and a
 * colour that needs fixing for contrast), the customer sees it; the admin sets a team's hours (two
 * openings on a day; an overlapping pair is refused and saves nothing), and
 * a customer handed off outside them is told when the team opens and leaves an email; with the team
 * open but no one online, the notice says that, until an agent opens Baton.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openStarterCopy, saveState } from "./builder-helpers";
import { openPage, signIn, snap, useE2E } from "./harness";

const e2e = useE2E();
const PHONE = { width: 390, height: 800 };

async function say(page: Page, text: string) {
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(text);
  await input.press("Enter");
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * The weekday two days from today in Berlin: opening hours that are certainly not now, and that the
 * chat names by their weekday (tomorrow's would read "tomorrow 09:00"; the test failed on Tuesdays).
 */
function weekdayAfterTomorrow(): { field: string; label: string } {
  const today = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", weekday: "long" }).format(new Date());
  const label = WEEKDAYS[(WEEKDAYS.indexOf(today) + 2) % 7];
  return { field: label.slice(0, 3).toLowerCase(), label };
}

describe("chat branding", () => {
  it("previews as the admin types, fixes an unreadable colour, and the customer's chat shows it", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.getByRole("link", { name: "Chat branding" }).click();
    await page.getByRole("heading", { name: "Chat branding", level: 1 }).waitFor();
    const preview = page.getByRole("figure", { name: "Preview of the customer's chat" });
    await preview.getByText("Threads & Co. help").waitFor();

    await page.getByLabel("Chat title").fill("Threads & Co. returns");
    await page.getByLabel("Bot name").fill("Tess");
    // Letters: the test machine's Chromium has no emoji font (an emoji works the same way).
    await page.getByLabel("Avatar letters or emoji").fill("TC");
    await page.getByLabel("Accent colour", { exact: true }).fill("#e0457b");
    await preview.getByText("Threads & Co. returns").waitFor();
    await preview.getByText("Tess · replies instantly").waitFor();
    const note = page.getByTestId("contrast-note");
    await note.getByText("#e0457b reaches only 4.48:1").waitFor();
    await expect(note.textContent()).resolves.toContain("darker shade");
    const fixed = (await note.locator("code").textContent()) ?? "";
    expect(fixed).toMatch(/^#[0-9a-f]{6}$/);
    const headerColours = await page.getByTestId("brand-preview-header").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(headerColours[1]).toBe("rgb(255, 255, 255)");
    await snap(page);

    // A colour that is not one: saved nothing, says so once, and the cursor is back in the field.
    const colourField = page.getByLabel("Accent colour", { exact: true });
    await colourField.fill("banana");
    await page.getByRole("button", { name: "Save branding" }).click();
    await page.getByText("Use a colour like #4f46e5").waitFor();
    await expect(colourField.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await expect(page.getByText("Type a colour like #4f46e5 to check its contrast.").count()).resolves.toBe(0);
    // The picker stays level with the text box with the error under it.
    const [fieldBox, pickerBox] = await Promise.all([colourField.boundingBox(), page.getByLabel("Pick the accent colour").boundingBox()]);
    expect(Math.abs((pickerBox?.y ?? 0) - (fieldBox?.y ?? 0))).toBeLessThanOrEqual(1);
    expect(pickerBox?.height).toBe(fieldBox?.height);
    // The avatar file field's button is drawn like the app's buttons (white, rounded), not the browser's grey one.
    const fileButton = await page.getByLabel(/Or an avatar image/).evaluate((input) => {
      const style = getComputedStyle(input, "::file-selector-button");
      return [style.backgroundColor, style.borderRadius];
    });
    expect(fileButton).toEqual(["rgb(255, 255, 255)", expect.stringMatching(/^[1-9]\d*px$/)]);
    await snap(page);
    await colourField.fill("#e0457b");

    await page.getByRole("button", { name: "Save branding" }).click();
    await page.getByText("Branding saved").waitFor();

    const chat = await openPage(e2e.browser, e2e.app.baseUrl, "branded chat");
    try {
      await chat.page.setViewportSize(PHONE);
      await chat.page.goto("/chat/store-support");
      await chat.page.getByRole("heading", { level: 1, name: "Threads & Co. returns" }).waitFor();
      await expect(chat.page.title()).resolves.toBe("Threads & Co. returns");
      await chat.page.getByText("A person can take over at any time.").waitFor();
      await chat.page.locator(".chat-row--bot .chat-author").first().getByText("Tess").waitFor();
      const header = await chat.page.locator(".chat-header").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      const hex = (rgb: string) => "#" + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("");
      expect(hex(header[0])).toBe(fixed);
      expect(header[1]).toBe("rgb(255, 255, 255)");
      await expect(chat.page.locator(".chat-header__avatar").textContent()).resolves.toBe("TC");
      await chat.page.getByText("Tess · replies instantly").waitFor();
      await snap(chat.page);
    } finally {
      await chat.close();
    }
    expect(chat.errors).toEqual([]);
  });
});

describe("a flow's own branding", () => {
  it("overrides the title and colour in Flow settings, published with the flow", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(page, "Returns desk flow");
    await page.getByRole("button", { name: "Flow settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Flow settings" });
    const branding = dialog.getByRole("group", { name: "Branding of this flow's chat" });
    await branding.getByLabel("Chat title", { exact: true }).fill("Returns desk");
    await branding.getByLabel("Accent colour", { exact: true }).fill("#fde047");
    await branding.getByTestId("contrast-note").getByText("Text on this colour is near-black").waitFor();
    await branding.scrollIntoViewIfNeeded();
    await snap(page);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published version 1.").waitFor();
    const { slug } = await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { slug: true } });

    const chat = await openPage(e2e.browser, e2e.app.baseUrl, "flow branded chat");
    try {
      await chat.page.setViewportSize(PHONE);
      await chat.page.goto(`/chat/${slug}`);
      await chat.page.getByRole("heading", { level: 1, name: "Returns desk" }).waitFor();
      const header = await chat.page.locator(".chat-header").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(header).toEqual(["rgb(253, 224, 71)", "rgb(17, 24, 39)"]);
      await chat.page.getByText("I'm the Threads & Co. assistant").waitFor();
      await snap(chat.page);
    } finally {
      await chat.close();
    }
    expect(chat.errors).toEqual([]);
  });
});

describe("business hours and presence", () => {
  it("tells a customer handed off outside the team's hours when it opens, and takes their email", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.goto("/teams");
    const card = page.getByRole("region", { name: "Business hours" });
    await card.locator("summary", { hasText: "Support" }).click();
    const form = page.getByRole("form", { name: "Business hours of Support" });
    await form.getByLabel("Time zone").fill("Europe/Berlin");
    await form.getByLabel("Always open (24/7)").uncheck();
    const day = weekdayAfterTomorrow();
    await form.getByLabel(day.label, { exact: true }).check();
    await form.getByLabel(`${day.label} opens at`).fill("09:00");
    await form.getByLabel(`${day.label} closes at`).fill("13:00");
    await form.getByLabel("Email offer when no one can answer").fill("Leave your email and Support will write back.");
    // A second opening that overlaps the first is refused with the reason, and nothing is saved.
    const storedHours = async () => (await e2e.app.db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { hours: true, timeZone: true } }));
    const before = await storedHours();
    await form.getByRole("button", { name: `Add opening on ${day.label}` }).click();
    await form.getByLabel(`${day.label}, opening 2, opens at`).fill("12:00");
    await form.getByLabel(`${day.label}, opening 2, closes at`).fill("17:00");
    await form.getByRole("button", { name: "Save hours of Support" }).click();
    const overlap = form.getByText(`${day.label}: 09:00–13:00 and 12:00–17:00 overlap`);
    await overlap.waitFor();
    await expect(form.getByRole("group", { name: `${day.label} hours` }).getAttribute("aria-describedby")).resolves.toBe(await overlap.getAttribute("id"));
    await expect(storedHours()).resolves.toEqual(before);
    // The day's own message is the only one: no "open at least one day" beside it.
    await expect(form.locator(".field-error").allTextContents()).resolves.toEqual([`${day.label}: 09:00–13:00 and 12:00–17:00 overlap`]);
    await page.screenshot({ path: "tests/e2e/screenshots/teams-hours-overlap.png", fullPage: true });
    // A third opening can be added and taken away again; the second moves to after lunch.
    await form.getByRole("button", { name: `Add opening on ${day.label}` }).click();
    await form.getByLabel(`${day.label}, opening 3, opens at`).waitFor();
    await form.getByRole("button", { name: `Remove ${day.label} opening 3` }).click();
    await expect.poll(() => form.getByLabel(`${day.label}, opening 3, opens at`).count()).toBe(0);
    await form.getByLabel(`${day.label}, opening 2, opens at`).fill("14:00");
    await form.scrollIntoViewIfNeeded();
    await snap(page);
    await form.getByRole("button", { name: "Save hours of Support" }).click();
    await page.getByText("Business hours saved").waitFor();
    await card.getByText(`${day.label.slice(0, 3)} 09:00–13:00, 14:00–17:00 · Europe/Berlin`).waitFor();
    expect(JSON.parse((await storedHours()).hours)).toEqual({ [day.field]: [["09:00", "13:00"], ["14:00", "17:00"]] });
    // The saved team's hours stay open (teams-hours-save-focus.test.ts).
    await expect(form.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: "tests/e2e/screenshots/teams-hours-two-openings.png", fullPage: true });

    const chat = await openPage(e2e.browser, e2e.app.baseUrl, "closed handoff");
    try {
      await chat.page.setViewportSize(PHONE);
      await chat.page.goto("/chat/store-support");
      await chat.page.getByText("I'm the Threads & Co. assistant").waitFor();
      await say(chat.page, "I want to talk to a human");
      const notice = chat.page.getByRole("region", { name: "We're closed now" });
      await notice.waitFor();
      await notice.getByText(new RegExp(`We reply from ${day.label} 09:00 \\(Europe/Berlin\\)`)).waitFor();
      await chat.page.getByText(new RegExp(`Waiting for the Support team · replies from ${day.label} 09:00`)).waitFor();
      await notice.getByLabel("Leave your email and Support will write back.").fill("maya@example");
      await notice.getByRole("button", { name: "Leave email" }).click();
      await notice.getByRole("alert").getByText("Please enter an email address").waitFor();
      await notice.getByLabel("Leave your email and Support will write back.").fill("maya@example.com");
      await notice.getByRole("button", { name: "Leave email" }).click();
      await notice.getByText("Thanks — the team will see maya@example.com with your conversation.").waitFor();
      await snap(chat.page);
      // Still in the queue, and the agent sees the email on the contact.
      const conversation = await e2e.app.db.conversation.findFirstOrThrow({ where: { contact: { email: "maya@example.com" } }, select: { status: true } });
      expect(conversation.status).toBe("waiting");
    } finally {
      await chat.close();
    }
    expect(chat.errors).toEqual([]);
  });

  it("says no one is online while the team is open but nobody is at Baton, and the usual wait once an agent is", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await page.goto("/teams");
    await page.getByRole("region", { name: "Business hours" }).locator("summary", { hasText: "Support" }).click();
    const form = page.getByRole("form", { name: "Business hours of Support" });
    await form.getByLabel("Always open (24/7)").check();
    await form.getByRole("button", { name: "Save hours of Support" }).click();
    await page.getByText("Business hours saved").waitFor();
    // Nobody of Support has a Baton page open (Ana never signed in in this run).
    const ana = await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } });
    await e2e.app.db.session.deleteMany({ where: { userId: ana.id } });

    const chat = await openPage(e2e.browser, e2e.app.baseUrl, "nobody online");
    try {
      await chat.page.setViewportSize(PHONE);
      await chat.page.goto("/chat/store-support");
      await chat.page.getByText("I'm the Threads & Co. assistant").waitFor();
      await say(chat.page, "I want to talk to a human");
      const offline = chat.page.getByRole("region", { name: "No one from the Support team is online right now" });
      await offline.waitFor();
      await offline.getByText("a person will answer here as soon as someone is back").waitFor();
      await chat.page.getByText("Waiting for the Support team · no one online right now").waitFor();
      await snap(chat.page);

      // Ana opens Baton: she is online, and the notice promises the usual wait instead.
      const agent = await openPage(e2e.browser, e2e.app.baseUrl, "agent opens baton");
      try {
        await signIn(agent.page, "ana@baton.local");
        await chat.page.reload();
        await chat.page.getByRole("region", { name: "You're in the queue for our Support team" }).waitFor();
        await snap(chat.page);
      } finally {
        await agent.close();
      }
      expect(agent.errors).toEqual([]);
    } finally {
      await chat.close();
    }
    expect(chat.errors).toEqual([]);
  });
});

describe("first response in business time", () => {
  it("shows the business-hours figure next to the wall-clock one on the analytics page", async () => {
    const { page } = e2e;
    const { db } = e2e.app;
    const daily = JSON.stringify(Object.fromEntries(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((day) => [day, [["09:00", "17:00"]]])));
    const team = await db.team.create({ data: { slug: "daytime", name: "Daytime", timeZone: "UTC", hours: daily }, select: { id: true } });
    const version = await db.flowVersion.findFirstOrThrow({ where: { flow: { slug: "store-support" }, number: { not: null } }, select: { id: true, flowId: true } });
    // Handed off two days ago at 16:50 UTC (10 minutes before closing), answered the next day at 09:10: 16 h 20 min of wall time, 20 business minutes.
    const day = new Date(Date.now() - 2 * 86_400_000);
    const at = (dayOffset: number, hours: number, minutes: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + dayOffset, hours, minutes));
    await db.conversation.create({
      data: {
        flowId: version.flowId, flowVersionId: version.id, teamId: team.id, status: "resolved", tokenHash: "business-time-sample", createdAt: at(0, 16, 40),
        escalatedAt: at(0, 16, 50), firstEscalatedAt: at(0, 16, 50), firstHumanResponseAt: at(1, 9, 10), resolvedAt: at(1, 9, 30), handoffTrigger: "node",
      },
      select: { id: true },
    });
    await signIn(page, "admin@baton.local");
    await page.goto("/analytics?team=daytime");
    const firstResponse = page.locator('.metric-card[data-metric="firstResponse"]');
    await expect.poll(() => firstResponse.locator(".metric-value").textContent()).toBe("16h 20m");
    await expect(firstResponse.locator('[data-detail="firstResponseBusiness"]').textContent()).resolves.toBe("In business hours: median 20m 00s · p90 20m 00s");
    await firstResponse.scrollIntoViewIfNeeded();
    await snap(page);
  });
});
