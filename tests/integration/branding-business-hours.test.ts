/**
 * Branding (settings page → chat page data → widget endpoint) and business hours (Teams page →
 * the customer's handoff notice, presence, the email offer), through the real route modules and
 * the per-file SQLite database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getPublishedFlow } from "~/chat/chat-page.server";
import { getConversationDetails } from "~/chat/conversation-details.server";
import * as brandingRoute from "~/routes/_app.branding";
import * as teamsRoute from "~/routes/_app.teams";
import * as brandingApi from "~/routes/chat.$slug.branding";
import * as emailRoute from "~/routes/chat.$slug.email";
import * as presenceRoute from "~/routes/presence";
import { publishFlow } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { BASE, formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";
import { publishFixtureFlow, readFixtureFlow, seedTeams, startConversation } from "../support/chat-api";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
let adminCookie: string;
let agentCookie: string;
let anaId: string;

// A 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }, cookie = adminCookie): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("avatarImage", new File([file.bytes], file.name, { type: file.type }));
  return new Request(`${BASE}/branding`, { method: "POST", body: form, headers: { cookie } });
}

const brandingFields = { botName: "Tess", avatarText: "", accentColor: "#e0457b", chatTitle: "Threads help", welcomeLine: "Ask us anything." };

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  anaId = (await seedAndFind("ana@baton.local")).id;
  agentCookie = await sessionCookieFor(anaId);
  await seedTeams();
  await publishFixtureFlow("runtime-test");
});

describe("branding settings", () => {
  it("is for admins only", async () => {
    expect(((await settle(() => brandingRoute.loader(args(getRequest("/branding", agentCookie)))) as Response).status)).toBe(403);
    expect(((await settle(() => brandingRoute.action(args(multipart(brandingFields, undefined, agentCookie))))) as Response).status).toBe(403);
  });

  it("shows a neutral title before anything is saved — never the flow's name", async () => {
    const flow = await getPublishedFlow("runtime-test");
    expect(flow?.name).toBe("Runtime test");
    expect(flow?.branding.chatTitle).toBe("Chat with us");
  });

  it("saves the branding with an avatar image, refuses a non-image and a too-large file", async () => {
    const notImage = unwrap(await settle(() => brandingRoute.action(args(multipart(brandingFields, { name: "x.png", type: "image/png", bytes: new TextEncoder().encode("<svg onload=alert(1)>") })))));
    expect(notImage).toMatchObject({ status: 400, data: { ok: false, fieldErrors: { avatarImage: "Use a PNG, JPEG, WebP or GIF image" } } });
    const huge = unwrap(await settle(() => brandingRoute.action(args(multipart(brandingFields, { name: "big.png", type: "image/png", bytes: new Uint8Array(70 * 1024) })))));
    expect(huge.status).toBe(400);
    expect(String((huge.data.fieldErrors as Record<string, string>).avatarImage)).toContain("at most 64 KB");
    const badColour = unwrap(await settle(() => brandingRoute.action(args(multipart({ ...brandingFields, accentColor: "pink" })))));
    expect(badColour).toMatchObject({ status: 400, data: { fieldErrors: { accentColor: "Use a colour like #4f46e5" } } });
    expect(await db.workspaceBranding.count()).toBe(0);

    const saved = unwrap(await settle(() => brandingRoute.action(args(multipart(brandingFields, { name: "a.png", type: "image/png", bytes: new Uint8Array(PNG) })))));
    expect(saved).toMatchObject({ status: 200, data: { ok: true } });
    const flow = await getPublishedFlow("runtime-test");
    expect(flow?.branding).toMatchObject({ botName: "Tess", chatTitle: "Threads help", welcomeLine: "Ask us anything." });
    expect(flow?.branding.avatarImage).toBe(`data:image/png;base64,${PNG.toString("base64")}`);
    // #e0457b reads at 3.96:1 with white and 4.48:1 with near-black: darkened for white text.
    expect(flow?.branding.accent).toMatchObject({ text: "#ffffff", adjusted: true });
    expect(flow?.branding.accent.ratio).toBeGreaterThanOrEqual(4.5);

    // Saving without a new file keeps the image; "remove" drops it.
    await settle(() => brandingRoute.action(args(multipart({ ...brandingFields, botName: "Tessa" }))));
    expect((await getPublishedFlow("runtime-test"))?.branding).toMatchObject({ botName: "Tessa", avatarImage: expect.stringContaining("data:image/png") });
    await settle(() => brandingRoute.action(args(multipart({ ...brandingFields, removeImage: "on" }))));
    expect((await getPublishedFlow("runtime-test"))?.branding.avatarImage).toBeNull();
  });

  it("lets a published flow override the texts and colour, and the widget reads them", async () => {
    const document = readFixtureFlow("runtime-test") as { settings: Record<string, unknown> };
    document.settings.branding = { chatTitle: "Returns desk", accentColor: "#fde047" };
    const published = await publishFlow(document);
    expect(published.ok).toBe(true);
    const flow = await getPublishedFlow("runtime-test");
    expect(flow?.branding).toMatchObject({ chatTitle: "Returns desk", botName: "Tess", accent: { background: "#fde047", text: "#111827", adjusted: false } });
    const response = await brandingApi.loader(args(getRequest("/chat/runtime-test/branding"), { slug: "runtime-test" }));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    await expect(response.json()).resolves.toEqual({ title: "Returns desk", accent: "#fde047", onAccent: "#111827" });
    expect((await brandingApi.loader(args(getRequest("/chat/nope/branding"), { slug: "nope" }))).status).toBe(404);
  });
});

describe("business hours and presence on the handoff notice", () => {
  const weekdays = { monOpen: "on", monFrom: "09:00", monTo: "17:00", tueOpen: "on", tueFrom: "09:00", tueTo: "17:00", wedOpen: "on", wedFrom: "09:00", wedTo: "17:00", thuOpen: "on", thuFrom: "09:00", thuTo: "17:00", friOpen: "on", friFrom: "09:00", friTo: "17:00" };

  async function waitingConversation(teamSlug: string) {
    const started = await startConversation("runtime-test");
    const team = await db.team.findUniqueOrThrow({ where: { slug: teamSlug }, select: { id: true } });
    await db.conversation.update({ where: { id: started.id }, data: { status: "waiting", teamId: team.id, escalatedAt: new Date(), firstEscalatedAt: new Date() } });
    return started;
  }

  it("saves a team's hours from the Teams page and refuses bad ones", async () => {
    const billing = await db.team.findUniqueOrThrow({ where: { slug: "billing" }, select: { id: true } });
    const bad = unwrap(await settle(() => teamsRoute.action(args(formRequest("/teams", { intent: "set-hours", teamId: billing.id, timeZone: "Mars/Base", ...weekdays, holidays: "soon" }, adminCookie)))));
    expect(bad).toMatchObject({ status: 400, data: { ok: false, intent: "set-hours", targetId: billing.id } });
    expect(Object.keys(bad.data.fieldErrors as object).sort()).toEqual(["holidays", "timeZone"]);
    const agent = await settle(() => teamsRoute.action(args(formRequest("/teams", { intent: "set-hours", teamId: billing.id, timeZone: "UTC" }, agentCookie))));
    expect((agent as Response).status).toBe(403);

    const ok = unwrap(await settle(() => teamsRoute.action(args(formRequest("/teams", { intent: "set-hours", teamId: billing.id, timeZone: "Europe/Berlin", ...weekdays, holidays: "2026-12-25", awayEmailPrompt: "Leave your email for Billing." }, adminCookie)))));
    expect(ok).toMatchObject({ status: 200, data: { ok: true, notice: "Business hours saved" } });
    await expect(db.team.findUniqueOrThrow({ where: { id: billing.id }, select: { timeZone: true, hours: true, holidays: true, awayEmailPrompt: true } })).resolves.toEqual({
      timeZone: "Europe/Berlin",
      hours: JSON.stringify({ mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], thu: [["09:00", "17:00"]], fri: [["09:00", "17:00"]] }),
      holidays: '["2026-12-25"]',
      awayEmailPrompt: "Leave your email for Billing.",
    });
  });

  it("says the team is closed, with when it opens, whenever the clock is outside its hours", async () => {
    // Closed every day but one hour that has certainly passed or not come: open only on a day that is not today (in UTC).
    const today = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date().getUTCDay()];
    const other = today === "wed" ? "thu" : "wed";
    const closed = await db.team.create({ data: { slug: "night", name: "Night", timeZone: "UTC", hours: JSON.stringify({ [other]: [["09:00", "10:00"]] }) }, select: { id: true } });
    await db.membership.create({ data: { userId: anaId, teamId: closed.id } });
    const { id } = await waitingConversation("night");
    const details = await getConversationDetails(id, "runtime-test");
    expect(details?.away).toMatchObject({ reason: "closed", timeZone: "UTC", emailPrompt: "", contactEmail: null });
    const opensAt = Date.parse(details?.away?.opensAt ?? "");
    expect(new Date(opensAt).getUTCHours()).toBe(9);
    expect(opensAt).toBeGreaterThan(Date.now());
    // The wait covers the time until opening.
    expect(details?.waitMinutes).toBeGreaterThanOrEqual((opensAt - Date.now()) / 60_000 - 1);
  });

  it("says no one is online during open hours until a member's staff page checks in", async () => {
    const always = await db.team.create({ data: { slug: "always", name: "Always" }, select: { id: true } });
    const ben = await seedAndFind("ben@baton.local");
    await db.membership.create({ data: { userId: ben.id, teamId: always.id } });
    await db.session.deleteMany({ where: { userId: ben.id } });
    const { id } = await waitingConversation("always");
    const before = await getConversationDetails(id, "runtime-test");
    expect(before?.away).toMatchObject({ reason: "nobodyOnline", opensAt: null });
    expect(before?.waitMinutes).toBeNull();

    // Ben opens a staff page: the heartbeat (GET /presence) keeps his session fresh.
    const benCookie = await sessionCookieFor(ben.id);
    expect((await presenceRoute.loader(args(getRequest("/presence", benCookie)))).status).toBe(204);
    expect((await presenceRoute.loader(args(getRequest("/presence")))).status).toBe(401);
    expect((await getConversationDetails(id, "runtime-test"))?.away).toBeNull();

    // Marked away in the inbox: not online, whatever the page.
    await db.user.update({ where: { id: ben.id }, data: { availability: "away" } });
    expect((await getConversationDetails(id, "runtime-test"))?.away?.reason).toBe("nobodyOnline");
    // A session not used for more than three minutes is not online either.
    await db.user.update({ where: { id: ben.id }, data: { availability: "online" } });
    await db.session.updateMany({ where: { userId: ben.id }, data: { lastSeenAt: new Date(Date.now() - 4 * 60_000) } });
    expect((await getConversationDetails(id, "runtime-test"))?.away?.reason).toBe("nobodyOnline");
  });

  it("takes the email a customer leaves onto their contact, with the conversation's token only", async () => {
    const { id, token } = await waitingConversation("night");
    const post = (body: unknown, bearer: string | null = token, slug = "runtime-test") =>
      settle(() =>
        emailRoute.action({
          request: new Request(`${BASE}/chat/${slug}/email?conversation=${id}`, { method: "POST", headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) }),
          params: { slug },
          context: {},
        }),
      ) as Promise<Response>;
    expect((await post({ email: "maya@example.com" }, "wrong-token")).status).toBe(404);
    expect((await post({ email: "not an email" })).status).toBe(400);
    expect((await post({ email: "maya@example.com" }, token, "other-flow")).status).toBe(404);
    const answered = await post({ email: "Maya@Example.com" });
    expect(answered.status).toBe(200);
    const details = await answered.json();
    expect(details.away).toMatchObject({ reason: "closed", contactEmail: "maya@example.com" });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id }, select: { contact: { select: { email: true } } } });
    expect(conversation.contact?.email).toBe("maya@example.com");
    await expect(db.event.count({ where: { conversationId: id, type: "contact.emailLeft" } })).resolves.toBe(1);
  });
});
