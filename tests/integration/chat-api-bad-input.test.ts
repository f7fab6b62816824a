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
afterEach(() => {
  delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
  resetRateLimits();
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
    ["wrong content type", { rawBody: "{}", headers: { "content-type": "text/plain" } }, 400, "unsupported_content_type"],
    ["invalid JSON", { rawBody: "{nope", headers: { "content-type": "application/json" } }, 400, "invalid_json"],
    ["a JSON array", { body: [] }, 400, "invalid_body"],
    ["1 MB body", { body: { page: ONE_MB } }, 413, "payload_too_large"],
    ["unknown field", { body: { hack: true } }, 400, "unknown_field"],
    ["invalid email", { body: { contact: { email: "not-an-email" } } }, 400, "invalid_field"],
    ["lone surrogate in the page", { rawBody: '{"page":"\\ud800"}', headers: { "content-type": "application/json" } }, 400, "invalid_field"],
  ])("%s", async (_name, options, status, code) => {
    const before = await countRows();
    await expectRejected(await startConversationRequest("runtime-test", options), status, code);
    expect(await countRows()).toEqual(before);
  });

  it("accepts a POST without any body as no options", async () => {
    const response = await startConversationRequest("runtime-test", { body: undefined, method: "POST" });
    expect(response.status).toBe(201);
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
    ["wrong content type", { rawBody: '{"clientMessageId":"a","text":"hi"}', headers: { "content-type": "text/plain" } }, 400, "unsupported_content_type", undefined],
    ["a JSON array", { body: [{ clientMessageId: "a", text: "hi" }] }, 400, "invalid_body", undefined],
    ["missing text", { body: { clientMessageId: "a" } }, 400, "required", "text"],
    ["missing clientMessageId", { body: { text: "hi" } }, 400, "required", "clientMessageId"],
    ["empty text", { body: { clientMessageId: "a", text: "" } }, 400, "required", "text"],
    ["whitespace and control characters only", { body: { clientMessageId: "a", text: " \u0000\u0007 " } }, 400, "empty", "text"],
    ["text over 4000 characters", { body: { clientMessageId: "a", text: "y".repeat(4001) } }, 400, "too_long", "text"],
    ["clientMessageId over 64 characters", { body: { clientMessageId: "c".repeat(65), text: "hi" } }, 400, "too_long", "clientMessageId"],
    ["1 MB text", { body: { clientMessageId: "a", text: ONE_MB } }, 413, "payload_too_large", undefined],
    ["a lone surrogate", { rawBody: '{"clientMessageId":"a","text":"hi \\udc00"}', headers: { "content-type": "application/json" } }, 400, "invalid_text", "text"],
    ["invalid UTF-8", { rawBody: new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: { "content-type": "application/json" } }, 400, "invalid_utf8", undefined],
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
    ["an empty object", {}, 400],
    ["csat out of range", { csat: 6 }, 400],
    ["csat not an integer", { csat: 2.5 }, 400],
    ["helpful without a message", { helpful: true }, 400],
    ["both shapes at once", { csat: 3, messageId: "m", helpful: true }, 400],
  ])("rejects %s", async (_name, body, status) => {
    const { id, token } = await startConversation();
    const before = await countRows();
    expect((await feedbackRequest(id, { token, body })).status).toBe(status);
    expect(await countRows()).toEqual(before);
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
