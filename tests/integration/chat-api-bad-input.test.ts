import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetRateLimits } from "~/runtime/api/rate-limit.server";
import { db } from "~/utils/db.server";
import {
  countRows,
  eventsRequest,
  feedbackRequest,
  getConversationRequest,
  publishFixtureFlow,
  say,
  seedTeams,
  sendMessageRequest,
  startConversation,
  startConversationRequest,
} from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});
afterEach(async () => {
  delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
  await resetRateLimits();
});

async function expectRejected(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (field) expect(body.error.field).toBe(field);
}

const ONE_MB = "x".repeat(1024 * 1024);

describe("POST /api/chat/:slug/conversations rejects bad input and changes nothing", () => {
  it.each([
    ["wrong content type", { rawBody: "{}", headers: { "content-type": "text/plain" } }, "unsupported_content_type", "body"],
    ["invalid JSON", { rawBody: "{nope", headers: { "content-type": "application/json" } }, "invalid_json", "body"],
    ["an empty JSON body", { rawBody: "", headers: { "content-type": "application/json" } }, "invalid_json", "body"],
    ["a JSON array", { body: [] }, "invalid_body", "body"],
    ["a JSON array of the right object", { body: [{ contact: { name: "Dana" } }] }, "invalid_body", "body"],
    ["a JSON string", { body: "hello" }, "invalid_body", "body"],
    ["1 MB page", { body: { page: ONE_MB } }, "body_too_large", "body"],
    ["1 MB name", { body: { contact: { name: ONE_MB } } }, "body_too_large", "body"],
    ["a name over 200 characters", { body: { contact: { name: "n".repeat(201) } } }, "too_long", "contact.name"],
    ["unknown field", { body: { hack: true } }, "unknown_field", "hack"],
    ["unknown contact field", { body: { contact: { name: "Dana", role: "admin" } } }, "unknown_field", "role"],
    ["contact not an object", { body: { contact: "Dana" } }, "invalid_type", "contact"],
    ["invalid email", { body: { contact: { email: "not-an-email" } } }, "invalid_field", "contact.email"],
    ["an empty email", { body: { contact: { email: "" } } }, "invalid_field", "contact.email"],
    ["a channel that does not exist", { body: { channel: "sms" } }, "invalid_field", "channel"],
    ["lone surrogate in the page", { rawBody: '{"page":"\\ud800"}', headers: { "content-type": "application/json" } }, "invalid_field", "page"],
    ["lone surrogate in the name", { rawBody: '{"contact":{"name":"Dana \\udfff"}}', headers: { "content-type": "application/json" } }, "invalid_field", "contact.name"],
  ])("%s", async (_name, options, code, field) => {
    const before = await countRows();
    await expectRejected(await startConversationRequest("runtime-test", options), 400, code, field);
    expect(await countRows()).toEqual(before);
  });

  it("accepts a POST without any body, or an empty object, as no options", async () => {
    expect((await startConversationRequest("runtime-test", { body: undefined, method: "POST" })).status).toBe(201);
    expect((await startConversationRequest("runtime-test", { body: {} })).status).toBe(201);
    expect((await startConversationRequest("runtime-test", { body: { contact: {} } })).status).toBe(201);
  });

  it("stores a name with markup as inert text, drops control characters, and treats an empty name as none", async () => {
    const contacts = await db.contact.count();
    const script = await startConversation("runtime-test", { contact: { name: "<script>alert(1)</script>\u0000 Dana\r\n\u0007", email: "script@example.com" }, page: " https://shop.example/\u0000help\t" });
    const row = await db.conversation.findUniqueOrThrow({ where: { id: script.id }, select: { page: true, contact: { select: { name: true, email: true } } } });
    expect(row).toEqual({ page: "https://shop.example/help", contact: { name: "<script>alert(1)</script> Dana", email: "script@example.com" } });
    await startConversation("runtime-test", { contact: { name: " \u0000 " } });
    expect(await db.contact.count()).toBe(contacts + 1);
  });

  it("answers 404 for a flow that does not exist or is not published", async () => {
    const before = await countRows();
    await expectRejected(await startConversationRequest("no-such-flow"), 404, "flow_not_found");
    await expectRejected(await startConversationRequest("../../etc"), 404, "flow_not_found");
    expect(await countRows()).toEqual(before);
  });
});

describe("POST /api/conversations/:id/messages", () => {
  it.each([
    ["wrong content type", { rawBody: '{"clientMessageId":"a","text":"hi"}', headers: { "content-type": "text/plain" } }, 400, "unsupported_content_type", "body"],
    ["an empty body", { rawBody: "", headers: { "content-type": "application/json" } }, 400, "invalid_json", "body"],
    ["an empty object", { body: {} }, 400, "required", "clientMessageId"],
    ["a JSON array", { body: [{ clientMessageId: "a", text: "hi" }] }, 400, "invalid_body", "body"],
    ["missing text", { body: { clientMessageId: "a" } }, 400, "required", "text"],
    ["missing clientMessageId", { body: { text: "hi" } }, 400, "required", "clientMessageId"],
    ["empty text", { body: { clientMessageId: "a", text: "" } }, 400, "required", "text"],
    ["whitespace and control characters only", { body: { clientMessageId: "a", text: " \u0000\u0007 " } }, 400, "empty", "text"],
    ["text over 4000 characters", { body: { clientMessageId: "a", text: "y".repeat(4001) } }, 400, "too_long", "text"],
    ["clientMessageId over 64 characters", { body: { clientMessageId: "c".repeat(65), text: "hi" } }, 400, "too_long", "clientMessageId"],
    ["1 MB text", { body: { clientMessageId: "a", text: ONE_MB } }, 400, "too_long", "text"],
    ["1 MB clientMessageId", { body: { clientMessageId: ONE_MB, text: "hi" } }, 400, "too_long", "text"],
    ["a lone surrogate", { rawBody: '{"clientMessageId":"a","text":"hi \\udc00"}', headers: { "content-type": "application/json" } }, 400, "invalid_text", "text"],
    ["invalid UTF-8", { rawBody: new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: { "content-type": "application/json" } }, 400, "invalid_utf8", "body"],
    ["a number as text", { body: { clientMessageId: "a", text: 42 } }, 400, "invalid_type", "text"],
    ["an unknown field", { body: { clientMessageId: "a", text: "hi", role: "agent" } }, 400, "unknown_field", "role"],
  ])("rejects %s", async (_name, options, status, code, field) => {
    const { id, token } = await startConversation();
    const before = await countRows();
    const version = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await expectRejected(await sendMessageRequest(id, { token, ...options }), status, code, field);
    expect(await countRows()).toEqual(before);
    expect(await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true } })).toEqual(version);
  });

  it("answers the same 404 for a wrong token, a missing token and an unknown id", async () => {
    const { id, token } = await startConversation();
    const before = await countRows();
    const body = { clientMessageId: "x", text: "hello" };
    const wrong = await sendMessageRequest(id, { token: token.slice(0, -2) + "aa", body });
    const missing = await sendMessageRequest(id, { body });
    const unknown = await sendMessageRequest("no-such-conversation", { token, body });
    const otherCookie = await sendMessageRequest(id, { body, headers: { cookie: `baton_chat_runtime-test=someone-else.${token}` } });
    const texts = await Promise.all([wrong, missing, unknown, otherCookie].map(async (response) => [response.status, await response.text()]));
    expect(new Set(texts.map((entry) => JSON.stringify(entry))).size).toBe(1);
    expect(texts[0][0]).toBe(404);
    expect(await countRows()).toEqual(before);
  });

  it("accepts the conversation cookie instead of the Authorization header", async () => {
    const { id, token } = await startConversation();
    const response = await sendMessageRequest(id, { body: { clientMessageId: "ck", text: "where is my order" }, headers: { cookie: `other=1; baton_chat_runtime-test=${id}.${token}` } });
    expect(response.status).toBe(200);
  });

  it("stores script tags verbatim as inert text and strips control characters", async () => {
    const { id, token } = await startConversation();
    const script = "<script>alert('x')</script> \u0000tab\there\r\nnew\u001bline";
    const { response, json } = await say(id, token, script, "script");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.messages[0].text).toBe("<script>alert('x')</script> tab\there\nnewline");
    const stored = await db.message.findFirstOrThrow({ where: { conversationId: id, clientMessageId: "script" }, select: { text: true } });
    expect(stored.text).toBe("<script>alert('x')</script> tab\there\nnewline");
  });

  it("answers 429 with Retry-After above the per-client rate, and stores nothing for it", async () => {
    process.env.CHAT_RATE_LIMIT_PER_MINUTE = "3";
    const { id, token } = await startConversation();
    for (let index = 0; index < 3; index += 1) expect((await say(id, token, `hi ${index}`, `r-${index}`)).response.status).toBe(200);
    const before = await countRows();
    const limited = await sendMessageRequest(id, { token, body: { clientMessageId: "r-4", text: "too many" } });
    await expectRejected(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await countRows()).toEqual(before);
  });
});

describe("POST /api/conversations/:id/feedback", () => {
  it.each([
    ["no body", { rawBody: "", headers: { "content-type": "application/json" } }, "invalid_json", "body"],
    ["an empty object", { body: {} }, "required", "messageId"],
    ["a JSON array", { body: [{ csat: 5 }] }, "invalid_body", "body"],
    ["csat out of range", { body: { csat: 6 } }, "too_big", "csat"],
    ["csat zero", { body: { csat: 0 } }, "too_small", "csat"],
    ["csat not an integer", { body: { csat: 2.5 } }, "invalid_type", "csat"],
    ["csat as text", { body: { csat: "5" } }, "invalid_type", "csat"],
    ["helpful without a message", { body: { helpful: true } }, "required", "messageId"],
    ["a message without helpful", { body: { messageId: "m1" } }, "required", "helpful"],
    ["helpful as text", { body: { messageId: "m1", helpful: "yes" } }, "invalid_type", "helpful"],
    ["both shapes at once", { body: { csat: 3, messageId: "m", helpful: true } }, "conflicting_fields", "messageId"],
    ["an unknown field", { body: { csat: 3, comment: "great" } }, "unknown_field", "comment"],
    ["1 MB message id", { body: { messageId: ONE_MB, helpful: true } }, "body_too_large", "body"],
    ["control characters in the message id", { body: { messageId: "m\u0000\u0007", helpful: true } }, "invalid_field", "messageId"],
    ["markup as the message id", { body: { messageId: "<script>alert(1)</script>", helpful: true } }, "invalid_field", "messageId"],
    ["a lone surrogate in the message id", { rawBody: '{"messageId":"m\\ud800","helpful":true}', headers: { "content-type": "application/json" } }, "invalid_field", "messageId"],
  ])("rejects %s", async (_name, options, code, field) => {
    const { id, token } = await startConversation();
    const before = await countRows();
    const version = await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, csat: true } });
    await expectRejected(await feedbackRequest(id, { token, ...options }), 400, code, field);
    expect(await countRows()).toEqual(before);
    expect(await db.conversation.findUniqueOrThrow({ where: { id }, select: { version: true, csat: true } })).toEqual(version);
  });

  it("refuses CSAT before the conversation is resolved, feedback on a non-KB message, and an unknown message", async () => {
    const { id, token, messages } = await startConversation();
    const before = await countRows();
    await expectRejected(await feedbackRequest(id, { token, body: { csat: 4 } }), 409, "not_resolved");
    await expectRejected(await feedbackRequest(id, { token, body: { messageId: messages[0].id, helpful: true } }), 400, "not_a_kb_answer");
    await expectRejected(await feedbackRequest(id, { token, body: { messageId: "nope", helpful: true } }), 404, "message_not_found");
    await expectRejected(await feedbackRequest(id, { token: "wrong", body: { csat: 4 } }), 404, "not_found");
    expect(await countRows()).toEqual(before);
  });
});

describe("GET /api/conversations/:id and its event stream", () => {
  it("answers 404 without the right token", async () => {
    const { id } = await startConversation();
    await expectRejected(await getConversationRequest(id), 404, "not_found");
    await expectRejected(await getConversationRequest(id, { token: "x".repeat(43) }), 404, "not_found");
    await expectRejected(await eventsRequest(id, { token: "x".repeat(43) }), 404, "not_found");
    await expectRejected(await getConversationRequest(id, { headers: { authorization: "Basic abc" } }), 404, "not_found");
  });
});
