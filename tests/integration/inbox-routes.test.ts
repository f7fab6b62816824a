/**
 * The inbox's routes through the real route modules and database: queues scoped to the
 * viewer's teams and sorted by priority then wait, one 404 for what is not theirs, preview
 * runs nowhere, the composer endpoint, and the agents' live stream.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as conversationRoute from "~/routes/_app.inbox.$conversationId";
import * as inboxRoute from "~/routes/_app.inbox";
import * as eventsRoute from "~/routes/inbox.events";
import * as messagesRoute from "~/routes/inbox.$conversationId.messages";
import { createConversation } from "~/runtime/conversations.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { getRequest, sessionCookieFor, settle, unwrap } from "../support/auth";
import { say, startConversation } from "../support/chat-api";
import { handOff, inboxForm, seedInbox } from "../support/inbox";
import { readEventsFor } from "../support/sse";

const cookies: Record<string, string> = {};
const context = {};

beforeAll(async () => {
  await seedInbox();
  for (const email of ["ana@baton.local", "ben@baton.local", "admin@baton.local"]) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    cookies[email.split("@")[0]] = await sessionCookieFor(user.id);
  }
});

async function inbox(who: string, queue?: string) {
  const result = await inboxRoute.loader({ request: getRequest(`/inbox${queue ? `?queue=${encodeURIComponent(queue)}` : ""}`, cookies[who]), params: {}, context });
  return result;
}

const openConversation = (who: string, id: string) =>
  settle(() => conversationRoute.loader({ request: getRequest(`/inbox/${id}`, cookies[who]), params: { conversationId: id }, context }));

const act = async (who: string, id: string, fields: Record<string, string>) => {
  const result = await settle(() => conversationRoute.action({ request: inboxForm(`/inbox/${id}`, fields, cookies[who]), params: { conversationId: id }, context }));
  return result instanceof Response ? { status: result.status, data: {} } : unwrap(result);
};

const compose = async (who: string, id: string, fields: Record<string, string>) => {
  const result = await settle(() => messagesRoute.action({ request: inboxForm(`/inbox/${id}/messages`, fields, cookies[who]), params: { conversationId: id }, context }));
  const response = result as Response;
  return { status: response.status, body: await response.json().catch(() => null) };
};

async function previewHandoff(): Promise<string> {
  const preview = await createConversation({ slug: "runtime-test", channel: "preview" });
  if (!preview) throw new Error("no preview conversation");
  await handleCustomerMessage({ conversationId: preview.conversationId, clientMessageId: "p-1", text: "I want to talk to a human" });
  return preview.conversationId;
}

describe("queues", () => {
  it("shows an agent their teams' queues only, sorted by priority then the longest wait, and never a preview run", async () => {
    const older = await handOff();
    const newer = await handOff();
    const urgent = await handOff();
    await db.conversation.update({ where: { id: urgent.id }, data: { priority: 3 } });
    const billing = await handOff("chargeback");
    const preview = await previewHandoff();

    const ana = await inbox("ana", "waiting:support");
    expect(ana.queues.map((queue) => queue.key)).toEqual(["now", "mine", "waiting:support", "open", "resolved", "bot", "snoozed"]);
    const ids = ana.rows.map((row) => row.id);
    expect(ids.indexOf(urgent.id)).toBe(0);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(ids).not.toContain(billing.id);
    expect(ids).not.toContain(preview);
    expect(ana.rows[0]).toMatchObject({ priority: "urgent", status: "waiting", team: { slug: "support" }, slaMinutes: 30 });
    expect(ana.rows[0].waitingSince).not.toBeNull();
    expect(ana.attention).toBe(ana.queues.find((queue) => queue.key === "waiting:support")?.count);

    const notHers = await inbox("ana", "waiting:billing");
    expect(notHers).toMatchObject({ missingQueue: true, rows: [] });

    const admin = await inbox("admin", "open");
    expect(admin.queues.map((queue) => queue.key)).toEqual(["now", "mine", "waiting:billing", "waiting:support", "open", "resolved", "bot", "snoozed"]);
    expect(admin.rows.map((row) => row.id)).toEqual(expect.arrayContaining([billing.id, urgent.id]));
    expect(admin.rows.map((row) => row.id)).not.toContain(preview);
    const adminBot = await inbox("admin", "bot");
    expect(adminBot.rows.map((row) => row.id)).not.toContain(preview);
  });

  it("shows conversations still with the bot to the agents of the flow's default team, read-only", async () => {
    const { id } = await startConversation();
    expect((await inbox("ana", "bot")).rows.map((row) => row.id)).toContain(id);
    expect((await inbox("ben", "bot")).rows.map((row) => row.id)).not.toContain(id);
    const opened = (await openConversation("ana", id)) as Awaited<ReturnType<typeof conversationRoute.loader>>;
    expect(opened.tools.canAct).toBe(false);
    expect((await openConversation("ben", id)) as Response).toMatchObject({ status: 404 });
  });

  it("measures the wait from the customer's first unanswered line once an agent has replied", async () => {
    const { id, token } = await handOff();
    expect((await compose("ana", id, { intent: "reply", clientMessageId: "w-1", text: "Hi!" })).status).toBe(200);
    const mine = await inbox("ana", "mine");
    expect(mine.rows.find((row) => row.id === id)?.waitingSince).toBeNull();
    await say(id, token, "are you still there?");
    const after = await inbox("ana", "mine");
    const row = after.rows.find((candidate) => candidate.id === id);
    const line = await db.message.findFirstOrThrow({ where: { conversationId: id, text: "are you still there?" }, select: { createdAt: true } });
    expect(row?.waitingSince).toBe(line.createdAt.toISOString());
    expect(row?.unread).toBe(1);
  });
});

describe("access", () => {
  it("answers the same 404 for an unknown id, a preview run and another team's conversation, and acts on none of them", async () => {
    const billing = await handOff("chargeback");
    const preview = await previewHandoff();
    expect(await openConversation("ana", "c0000000000000000000000")).toMatchObject({ status: 404 });
    expect(await openConversation("ana", "../../etc/passwd")).toMatchObject({ status: 404 });
    expect(await openConversation("admin", preview)).toMatchObject({ status: 404 });
    const unknown = (await openConversation("ana", "c0000000000000000000000")) as Response;
    const otherTeam = (await openConversation("ana", billing.id)) as Response;
    expect([otherTeam.status, otherTeam.statusText, await otherTeam.text()]).toEqual([unknown.status, unknown.statusText, await unknown.text()]);
    expect(await act("ana", billing.id, { intent: "claim" })).toMatchObject({ status: 404 });
    expect((await compose("ana", billing.id, { intent: "reply", clientMessageId: "x", text: "hi" })).status).toBe(404);
    expect(await act("ana", "c0000000000000000000000", { intent: "claim" })).toMatchObject({ status: 404 });
    const row = await db.conversation.findUniqueOrThrow({ where: { id: billing.id }, select: { status: true, assigneeId: true } });
    expect(row).toEqual({ status: "waiting", assigneeId: null });
    expect(await db.message.count({ where: { conversationId: billing.id, role: "agent" } })).toBe(0);

    const opened = (await openConversation("ben", billing.id)) as Awaited<ReturnType<typeof conversationRoute.loader>>;
    expect(opened.view.packet?.trigger).toBe("sensitive");
    expect(opened.view.priority).toBe("high");
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const { id } = await handOff();
    expect(await act("ana", id, { intent: "explode" })).toMatchObject({ status: 400, data: { ok: false, message: "Unknown action" } });
    expect(await act("ana", id, { intent: "reassign", teamId: "" })).toMatchObject({ status: 400, data: { field: "teamId" } });
    expect(await compose("ana", id, { intent: "reply", clientMessageId: "e-1", text: "   " })).toMatchObject({ status: 400, body: { ok: false, field: "text", message: "Write a message first" } });
    expect(await compose("ana", id, { intent: "reply", clientMessageId: "e-2", text: "x".repeat(4001) })).toMatchObject({ status: 400, body: { field: "text" } });
    expect(await db.message.count({ where: { conversationId: id, role: { in: ["agent", "note"] } } })).toBe(0);
  });
});

describe("the composer endpoint", () => {
  it("stores a resent reply once and shows notes to agents only", async () => {
    const { id } = await handOff();
    const body = { intent: "reply", clientMessageId: "dup-1", text: "<img src=x onerror=alert(1)>" };
    const [first, second] = await Promise.all([compose("ana", id, body), compose("ana", id, body)]);
    expect(first).toMatchObject({ status: 200, body: { ok: true } });
    expect(second).toMatchObject({ status: 200, body: { ok: true } });
    expect(await db.message.count({ where: { conversationId: id, clientMessageId: "dup-1" } })).toBe(1);
    const note = await compose("ana", id, { intent: "note", clientMessageId: "note-1", text: "internal only" });
    const view = ((await openConversation("ana", id)) as Awaited<ReturnType<typeof conversationRoute.loader>>).view;
    const roles = view.timeline.flatMap((item) => (item.kind === "message" ? [`${item.role}:${item.text}`] : []));
    expect(roles).toEqual(expect.arrayContaining(["agent:<img src=x onerror=alert(1)>", "note:internal only"]));
    // Each answer carries the stored line exactly as the page's re-read shows it (the resend: the first one's), so the composer shows it as sent at once.
    const stored = (text: string) => view.timeline.find((item) => item.kind === "message" && item.text === text);
    expect(stored("<img src=x onerror=alert(1)>")).toMatchObject({ role: "agent", authorName: "Ana Agent" });
    expect(first.body.line).toEqual(stored("<img src=x onerror=alert(1)>"));
    expect(second.body.line).toEqual(first.body.line);
    expect(note.body.line).toEqual(stored("internal only"));
  });
});

describe("the agents' live stream", () => {
  it("tells an agent about their team's handoffs and messages, nothing of other teams or preview runs", async () => {
    const abort = new AbortController();
    const request = new Request(getRequest("/inbox/events", cookies.ana), { signal: abort.signal });
    const response = await eventsRoute.loader({ request, params: {}, context });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reading = readEventsFor(response.body as ReadableStream<Uint8Array>, 1_500);
    const support = await handOff();
    const billing = await handOff("chargeback");
    await previewHandoff();
    const events = await reading;
    abort.abort();
    const about = (event: { data: unknown }) => (event.data as { conversationId?: string }).conversationId;
    expect(events.filter((event) => event.event === "handoff").map(about)).toEqual([support.id]);
    expect(events.filter((event) => event.event === "change").every((event) => about(event) === support.id)).toBe(true);
    expect(events.some((event) => about(event) === billing.id)).toBe(false);
    expect(JSON.stringify(events)).not.toContain("talk to a human");
  });

  it("refuses the stream of another team's conversation", async () => {
    const billing = await handOff("chargeback");
    const result = await settle(() => eventsRoute.loader({ request: getRequest(`/inbox/events?conversation=${billing.id}`, cookies.ana), params: {}, context }));
    expect(result).toMatchObject({ status: 404 });
  });
});
