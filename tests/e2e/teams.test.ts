/**
 * The teams & people page as a support lead uses it, in Chromium: teams, inviting someone who
 * then chooses their own password through the link, one Save per person row with the role,
 * deactivating an agent mid-conversation (signed out at once, the customer back in the queue),
 * reactivating, and a password reset link; plus the pages a used, expired or unknown link opens.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers } from "./inbox-helpers";

const e2e = useE2E();
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);

const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).waitFor();

async function openTeams(page: Page) {
  await signIn(page, "admin@baton.local");
  const response = await e2e.goto("/teams");
  expect(response?.status()).toBe(200);
  await page.getByRole("heading", { level: 1, name: "Teams & people" }).waitFor();
}

async function personAction(page: Page, name: string, action: string) {
  await page.getByRole("button", { name: `More actions for ${name}` }).click();
  await page.getByRole("button", { name: `${action}: ${name}` }).click();
}

/** Opens a link in a browser of its own (the person's, not the admin's). */
async function openAsPerson(url: string, name: string) {
  const person = await openPage(e2e.browser, e2e.app.baseUrl, name);
  const response = await person.page.goto(url);
  return { person, response };
}

/** A customer who asked for a person, and Ana's inbox after she claimed the conversation. */
async function claimedByAna(customerLabel: string, anaLabel: string) {
  const customer = await customerPage(customerLabel);
  await askForPerson(customer.page);
  const conversationId = await conversationIdOf(customer.page);
  const ana = await agentPage("ana@baton.local", anaLabel);
  await ana.page.goto(`/inbox/${conversationId}`);
  await ana.page.getByRole("button", { name: "Claim" }).click();
  await customer.page.getByText("Ana joined the conversation.").waitFor();
  return { customer, conversationId, ana };
}

describe("teams page", () => {
  it("adds a team, invites an agent with a one-time link, and the agent chooses their own password", async () => {
    const { page, context } = e2e;
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openTeams(page);

    const invite = page.getByRole("form", { name: "Invite a person" });
    await invite.getByRole("button", { name: "Invite" }).click();
    await invite.getByText("Enter a name").waitFor();
    await invite.getByText("Enter an email").waitFor();
    await expect(invite.getByLabel("Password").count()).resolves.toBe(0);
    await snap(page);

    const addTeam = page.getByRole("form", { name: "Add a team" });
    await addTeam.getByLabel("Team name").fill("Escalations Desk");
    await addTeam.getByRole("button", { name: "Add team" }).click();
    await status(page, "Team Escalations Desk added");
    await page.getByRole("cell", { name: "escalations-desk" }).waitFor();
    // The slug is one token: on one line, not broken at its hyphen.
    await expect(page.getByRole("cell", { name: "escalations-desk" }).locator("code").evaluate((code) => code.getClientRects().length)).resolves.toBe(1);
    await addTeam.getByLabel("Team name").fill("Escalations Desk");
    await addTeam.getByRole("button", { name: "Add team" }).click();
    await addTeam.getByText('A team with the slug "escalations-desk" already exists').waitFor();

    await invite.getByLabel("Name").fill("Cara Agent");
    await invite.getByLabel("Email").fill("cara@baton.local");
    await invite.getByRole("checkbox", { name: "Escalations Desk" }).check();
    await invite.getByRole("button", { name: "Invite" }).click();
    await status(page, "Cara Agent added. Send them their invitation link.");
    await page.getByRole("heading", { name: "Invitation link for Cara Agent" }).waitFor();
    const url = await page.getByRole("textbox", { name: "Invitation link for Cara Agent" }).inputValue();
    expect(url).toMatch(new RegExp(`^${e2e.app.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(url);
    const caraRow = page.getByRole("row", { name: /Cara Agent/ });
    await caraRow.getByText("Invited").waitFor();
    await expect(caraRow.getByRole("group", { name: "Teams of Cara Agent" }).getByRole("checkbox", { name: "Escalations Desk" }).isChecked()).resolves.toBe(true);
    await snap(page);

    const { person: cara, response } = await openAsPerson(url, "invited cara");
    expect(response?.status()).toBe(200);
    await cara.page.getByRole("heading", { name: "Welcome to Baton, Cara Agent" }).waitFor();
    // Her own name and nothing else of the workspace: not her email, not who else is there.
    const text = await cara.page.locator("main").innerText();
    for (const hidden of ["cara@baton.local", "Ada", "Escalations", "Support"]) expect(text).not.toContain(hidden);
    await cara.page.getByLabel("Password", { exact: true }).fill("cara-password");
    await cara.page.getByLabel("Password again").fill("cara-passw0rd");
    await cara.page.getByRole("button", { name: "Set password and sign in" }).click();
    await cara.page.getByText("The two passwords don't match").waitFor();
    await snap(cara.page);
    await cara.page.getByLabel("Password", { exact: true }).fill("cara-password");
    await cara.page.getByLabel("Password again").fill("cara-password");
    await cara.page.getByRole("button", { name: "Set password and sign in" }).click();
    await cara.page.waitForURL("**/inbox");
    await cara.page.getByText("Cara Agent").first().waitFor();

    // The link worked once.
    const again = await cara.page.goto(url);
    expect(again?.status()).toBe(410);
    await cara.page.getByRole("heading", { name: "This link was already used" }).waitFor();
    await closeChecked(cara, /status of 4\d\d/);

    await e2e.goto("/teams");
    await page.getByRole("row", { name: /Cara Agent/ }).getByText("cara@baton.local").waitFor();
    await expect(page.getByRole("row", { name: /Cara Agent/ }).getByText("Invited").count()).resolves.toBe(0);
  });

  it("saves role, teams and capacity with one Save per row, and never offers your own role", async () => {
    const { page } = e2e;
    await openTeams(page);
    const me = page.getByRole("row", { name: /Ada Admin/ });
    await me.getByText("Admin", { exact: true }).waitFor();
    await expect(me.getByRole("combobox").count()).resolves.toBe(0);
    // One Save per person: role, teams and capacity go together.
    await expect(me.getByRole("button", { name: /^Save/ }).count()).resolves.toBe(1);

    const ben = page.getByRole("row", { name: /Ben Agent/ });
    await ben.getByRole("combobox", { name: "Role of Ben Agent" }).selectOption("admin");
    await ben.getByRole("checkbox", { name: "Support" }).check();
    await ben.getByRole("spinbutton", { name: "Open conversations Ben Agent can hold at once" }).fill("3");
    await snap(page);
    await ben.getByRole("button", { name: "Save Ben Agent" }).click();
    await status(page, "Changes saved");
    const saved = await e2e.app.db.user.findUniqueOrThrow({
      where: { email: "ben@baton.local" },
      select: { role: true, capacity: true, memberships: { select: { team: { select: { slug: true } } } } },
    });
    expect(saved.role).toBe("admin");
    expect(saved.capacity).toBe(3);
    expect(saved.memberships.map((membership) => membership.team.slug).sort()).toEqual(["billing", "support"]);
    await expect(page.getByRole("combobox", { name: "Role of Ben Agent" }).inputValue()).resolves.toBe("admin");

    // A bad capacity is refused with a message, and nothing of the row is saved.
    await page.getByRole("combobox", { name: "Role of Ben Agent" }).selectOption("agent");
    await page.getByRole("spinbutton", { name: "Open conversations Ben Agent can hold at once" }).fill("500");
    await page.getByRole("button", { name: "Save Ben Agent" }).click();
    await page.getByRole("alert").filter({ hasText: "Capacity of Ben Agent: At most 100" }).waitFor();
    await snap(page);
    await expect(e2e.app.db.user.findUniqueOrThrow({ where: { email: "ben@baton.local" } })).resolves.toMatchObject({ role: "admin", capacity: 3 });

    await page.getByRole("spinbutton", { name: "Open conversations Ben Agent can hold at once" }).fill("5");
    await page.getByRole("button", { name: "Save Ben Agent" }).click();
    await status(page, "Changes saved");
    await expect(e2e.app.db.user.findUniqueOrThrow({ where: { email: "ben@baton.local" } })).resolves.toMatchObject({ role: "agent", capacity: 5 });
  });

  it("deactivates an agent mid-conversation: signed out at once, the customer back in the queue; then reactivates", async () => {
    const { customer, conversationId, ana } = await claimedByAna("deactivate", "ana before deactivation");

    const { page } = e2e;
    await openTeams(page);
    await expect(page.getByRole("button", { name: "More actions for Ada Admin" }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "More actions for Ada Admin" }).click();
    await page.getByRole("button", { name: "Reset password: Ada Admin" }).waitFor();
    await snap(page);
    await expect(page.getByRole("button", { name: "Deactivate: Ada Admin" }).count()).resolves.toBe(0);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Reset password: Ada Admin" }).waitFor({ state: "hidden" });

    await personAction(page, "Ana Agent", "Deactivate");
    await status(page, "Ana Agent is deactivated and signed out everywhere. 1 open conversation went back to the queue.");
    await page.getByRole("row", { name: /Ana Agent/ }).getByText("Deactivated").waitFor();
    await snap(page);

    // The customer is told, live; the conversation waits in Support's queue for someone else.
    await customer.page.getByText("Ana left the conversation. Someone else from the team will reply here.").waitFor();
    await expect(e2e.app.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { status: true, assigneeId: true } })).resolves.toEqual({
      status: "waiting",
      assigneeId: null,
    });
    // Ana's open inbox is signed out at its next request, and she cannot sign in again.
    await ana.page.reload();
    await ana.page.waitForURL((address) => address.pathname === "/login");
    await ana.page.getByLabel("Email").fill("ana@baton.local");
    await ana.page.getByLabel("Password").fill("baton-demo");
    await ana.page.getByRole("button", { name: "Sign in" }).click();
    await ana.page.getByRole("alert").filter({ hasText: "Your account is deactivated" }).waitFor();
    await closeChecked(ana, /status of 4\d\d/);
    await closeChecked(customer);

    await personAction(page, "Ana Agent", "Reactivate");
    await status(page, "Reactivated. They can sign in again with their password.");
    await page.getByRole("row", { name: /Ana Agent/ }).getByText("Deactivated").waitFor({ state: "detached" });
    const back = await agentPage("ana@baton.local", "ana after reactivation");
    expect(new URL(back.page.url()).pathname).toBe("/inbox");
    await closeChecked(back);
  });

  it("makes a password reset link that ends the person's other sessions", async () => {
    const benBefore = await agentPage("ben@baton.local", "ben before reset");
    const { page } = e2e;
    await openTeams(page);
    await personAction(page, "Ben Agent", "Reset password");
    await page.getByRole("heading", { name: "Password reset link for Ben Agent" }).waitFor();
    await page.getByRole("row", { name: /Ben Agent/ }).getByText("Reset link sent").waitFor();
    await snap(page);
    const url = await page.getByRole("textbox", { name: "Password reset link for Ben Agent" }).inputValue();
    expect(url).toContain("/reset-password/");

    const { person: ben } = await openAsPerson(url, "ben resets");
    await ben.page.getByRole("heading", { name: "Choose a new password, Ben Agent" }).waitFor();
    await ben.page.getByLabel("Password", { exact: true }).fill("ben-new-password");
    await ben.page.getByLabel("Password again").fill("ben-new-password");
    await ben.page.getByRole("button", { name: "Save password and sign in" }).click();
    await ben.page.waitForURL("**/inbox");
    await closeChecked(ben);

    await benBefore.page.reload();
    await benBefore.page.waitForURL((address) => address.pathname === "/login");
    await closeChecked(benBefore);
  });

  it("shows a clear page for an expired or an unknown link", async () => {
    const { page } = e2e;
    const token = randomBytes(32).toString("base64url");
    const ana = await e2e.app.db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } });
    await e2e.app.db.passwordLink.create({
      data: { tokenHash: createHash("sha256").update(token).digest("hex"), userId: ana.id, purpose: "reset", expiresAt: new Date(Date.now() - 60_000) },
    });
    const expired = await e2e.goto(`/reset-password/${token}`);
    expect(expired?.status()).toBe(410);
    await page.getByRole("heading", { name: "This link has expired" }).waitFor();
    await snap(page);
    await expect(page.getByRole("textbox").count()).resolves.toBe(0);
    await expect(page.locator("main").innerText()).resolves.not.toContain("Ana");

    const unknown = await e2e.goto("/invite/not-a-real-link");
    expect(unknown?.status()).toBe(404);
    await page.getByRole("heading", { name: "This link doesn't work" }).waitFor();
    await snap(page);
    await page.getByRole("link", { name: "Go to sign in" }).click();
    await page.waitForURL("**/login");
  });

  it("keeps a half-typed team name and invitation while another form on the page is saved, and empties only the form that saved", async () => {
    const { page } = e2e;
    await openTeams(page);
    const addTeam = page.getByRole("form", { name: "Add a team" });
    const invite = page.getByRole("form", { name: "Invite a person" });
    await addTeam.getByRole("textbox", { name: "Team name" }).fill("Returns desk");
    await invite.getByRole("textbox", { name: "Name" }).fill("Half Typed");

    // A person's row, then a team's queue settings: each save answered, neither form emptied.
    await page.getByRole("button", { name: "Save Ben Agent" }).click();
    await status(page, "Changes saved");
    await expect(addTeam.getByRole("textbox", { name: "Team name" }).inputValue()).resolves.toBe("Returns desk");
    await expect(invite.getByRole("textbox", { name: "Name" }).inputValue()).resolves.toBe("Half Typed");
    await page.getByRole("form", { name: "Queue settings of Support" }).getByRole("button", { name: "Save" }).click();
    await status(page, "Queue settings saved");
    await expect(addTeam.getByRole("textbox", { name: "Team name" }).inputValue()).resolves.toBe("Returns desk");
    await expect(invite.getByRole("textbox", { name: "Name" }).inputValue()).resolves.toBe("Half Typed");
    await page.getByRole("region", { name: "Business hours" }).locator("summary", { hasText: "Support" }).click();
    await page.getByRole("button", { name: "Save hours of Support" }).click();
    await status(page, "Business hours saved");
    await expect(addTeam.getByRole("textbox", { name: "Team name" }).inputValue()).resolves.toBe("Returns desk");
    await expect(invite.getByRole("textbox", { name: "Name" }).inputValue()).resolves.toBe("Half Typed");
    await snap(page);

    // Adding the team empties its own form, and still not the invitation.
    await addTeam.getByRole("button", { name: "Add team" }).click();
    await status(page, "Team Returns desk added");
    await expect.poll(() => addTeam.getByRole("textbox", { name: "Team name" }).inputValue()).toBe("");
    await expect(invite.getByRole("textbox", { name: "Name" }).inputValue()).resolves.toBe("Half Typed");
    await e2e.app.db.team.deleteMany({ where: { name: "Returns desk" } });
  });

  it("names the time zone just saved in an always-open team's summary, as in a summary with hours", async () => {
    const { page } = e2e;
    const { db } = e2e.app;
    const before = await db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { timeZone: true, hours: true } });
    await openTeams(page);
    const card = page.getByRole("region", { name: "Business hours" });
    await card.locator("summary", { hasText: "Billing" }).click();
    const form = page.getByRole("form", { name: "Business hours of Billing" });
    await form.getByLabel("Time zone").fill("Asia/Tokyo");
    await form.getByLabel("Always open (24/7)").check();
    await form.getByRole("button", { name: "Save hours of Billing" }).click();
    await status(page, "Business hours saved");
    await expect(db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { timeZone: true, hours: true } })).resolves.toEqual({ timeZone: "Asia/Tokyo", hours: "{}" });
    // It read "Billing · Always open": the zone its closed dates are counted in was nowhere to be seen.
    await expect.poll(() => card.locator("summary", { hasText: "Billing" }).innerText()).toBe("Billing · Always open · Asia/Tokyo");
    await snap(page);
    await db.team.update({ where: { slug: "billing" }, data: before });
  });

  it("says what an agent holds before a team is unticked, then hands those conversations back to the team's queue", async () => {
    const { customer, conversationId, ana } = await claimedByAna("left team", "ana before leaving support");
    const { db } = e2e.app;
    const anaId = (await db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } })).id;
    try {
      const { page } = e2e;
      await openTeams(page);
      const row = page.getByRole("row", { name: /Ana Agent/ });
      await row.getByText("Holds 1 open conversation in Support: unticking Support sends it back to its queue.").waitFor();
      await snap(page);
      const teams = row.getByRole("group", { name: "Teams of Ana Agent" });
      await teams.getByLabel("Support").uncheck();
      await teams.getByLabel("Billing").check();
      await row.getByRole("button", { name: "Save Ana Agent" }).click();
      await status(page, "Changes saved. 1 open conversation went back to the queue.");
      await row.getByText(/Holds \d+ open conversation/).waitFor({ state: "detached" });
      await snap(page);
      await customer.page.getByText("Ana left the conversation. Someone else from the team will reply here.").waitFor();
      await expect(e2e.app.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { status: true, assigneeId: true } })).resolves.toEqual({ status: "waiting", assigneeId: null });
    } finally {
      // Ana back in Support only, whatever happened above: later tests count on it.
      await db.membership.deleteMany({ where: { userId: anaId } });
      await db.membership.create({ data: { userId: anaId, teamId: (await db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { id: true } })).id } });
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });

  it("still saves a team's queue settings and removes a person and a team", async () => {
    const { db } = e2e.app;
    const team = await db.team.create({ data: { slug: "night-shift", name: "Night Shift" }, select: { id: true } });
    await db.user.create({ data: { email: "dora@baton.local", name: "Dora Agent", role: "agent", passwordHash: "x", memberships: { create: [{ teamId: team.id }] } } });
    const { page } = e2e;
    await openTeams(page);

    const queue = page.getByRole("form", { name: "Queue settings of Support" });
    await queue.getByRole("spinbutton", { name: "Support first reply target in minutes" }).fill("45");
    await queue.getByRole("combobox", { name: "Support assignment" }).selectOption("round_robin");
    await queue.getByRole("button", { name: "Save" }).click();
    await status(page, "Queue settings saved");
    await expect(db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { slaMinutes: true, assignment: true } })).resolves.toEqual({ slaMinutes: 45, assignment: "round_robin" });

    await personAction(page, "Dora Agent", "Remove");
    await status(page, "Person removed");
    await page.getByText("dora@baton.local").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Remove team Night Shift" }).click();
    await status(page, "Team removed");
    await page.getByRole("cell", { name: "night-shift" }).waitFor({ state: "detached" });
    await snap(page);
    await expect(db.user.count({ where: { email: "dora@baton.local" } })).resolves.toBe(0);
    await expect(db.team.count({ where: { slug: "night-shift" } })).resolves.toBe(0);
  });
});
