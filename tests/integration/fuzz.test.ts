/**
 * Property-based fuzzing (fast-check) of the two doors strangers' data comes through: the public
 * chat API and the flow import. Random bodies, headers, ids, tokens, unicode and sizes; the
 * properties: never a 5xx (nor a thrown error), and a 4xx writes nothing.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFlow } from "~/flow-admin/flows.server";
import { resetRateLimits } from "~/runtime/api/rate-limit.server";
import { db } from "~/utils/db.server";
import {
  countRows,
  feedbackRequest,
  getConversationRequest,
  publishFixtureFlow,
  readFixtureFlow,
  seedTeams,
  sendMessageRequest,
  startConversation,
  startConversationRequest,
} from "../support/chat-api";

const RUNS = 100;

beforeAll(async () => {
  process.env.CHAT_RATE_LIMIT_PER_MINUTE = "1000000";
  await resetRateLimits();
  await seedTeams();
  await publishFixtureFlow();
});

afterAll(async () => {
  delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
  await resetRateLimits();
});

// Header values a client can send at all (HTTP carries Latin-1 bytes, no line breaks).
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 80 });
const contentType = fc.oneof(fc.constant("application/json"), fc.constant("application/json; charset=utf-8"), fc.constant("text/plain"), fc.constant("multipart/form-data"), headerValue);
const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), fc.constantFrom("", " ", "\u0000", "\ud800", "a".repeat(5000), "😀".repeat(2100)));
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ clientMessageId: fc.oneof(text, fc.jsonValue()), text: fc.oneof(text, fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record({ contact: fc.oneof(fc.record({ name: text, email: text }, { requiredKeys: [] }), fc.jsonValue()), page: text }, { requiredKeys: [] }),
  fc.record({ helpful: fc.jsonValue(), messageId: text, rating: fc.jsonValue() }, { requiredKeys: [] }),
);
const rawBody = fc.oneof(jsonBody.map((value) => JSON.stringify(value) ?? "null"), text, fc.constantFrom("{", "[1,", '{"text": "\\ud800"}', "null", ""));
const request = fc.record({ rawBody, contentType, extraHeader: fc.tuple(fc.constantFrom("accept", "origin", "x-forwarded-for", "cookie", "content-encoding"), headerValue) });

async function expectNoServerErrorAndNoWriteOn4xx(send: () => Promise<Response>): Promise<void> {
  const before = await countRows();
  const response = await send();
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) expect(await countRows()).toEqual(before);
  await response.body?.cancel();
}

describe("the public chat API under random input", () => {
  it("starting a conversation", async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.oneof(fc.constant("runtime-test"), text), async ({ rawBody: body, contentType: type, extraHeader: [name, value] }, slug) => {
        await expectNoServerErrorAndNoWriteOn4xx(() => startConversationRequest(slug, { rawBody: body, headers: { "content-type": type, [name]: value } }));
      }),
      { numRuns: RUNS },
    );
  });

  it("sending a message, reading and rating, with real, wrong and random ids and tokens", async () => {
    const real = await startConversation();
    const id = fc.oneof(fc.constant(real.id), text, fc.constant("c0000000000000000000000"));
    const token = fc.oneof(fc.constant(real.token), fc.constant(null), headerValue);
    await fc.assert(
      fc.asyncProperty(request, id, token, async ({ rawBody: body, contentType: type, extraHeader: [name, value] }, conversationId, bearer) => {
        const options = { rawBody: body, token: bearer, headers: { "content-type": type, [name]: value } };
        await expectNoServerErrorAndNoWriteOn4xx(() => sendMessageRequest(conversationId, options));
        await expectNoServerErrorAndNoWriteOn4xx(() => feedbackRequest(conversationId, options));
        await expectNoServerErrorAndNoWriteOn4xx(() => getConversationRequest(conversationId, { token: bearer, headers: { [name]: value } }));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the flow import under random input", () => {
  const fixture = readFixtureFlow() as { nodes: Array<Record<string, unknown>>; [key: string]: unknown };
  const topLevelKeys = Object.keys(fixture);
  const nodeKeys = ["id", "kind", "position", "data"];
  // A valid flow with one part replaced by a random value: deep mutations reach every validator.
  const mutatedFlow = fc.oneof(
    fc.tuple(fc.constantFrom(...topLevelKeys), fc.jsonValue({ maxDepth: 3 })).map(([key, value]) => ({ ...fixture, [key]: value })),
    fc.tuple(fc.nat(fixture.nodes.length - 1), fc.constantFrom(...nodeKeys), fc.jsonValue({ maxDepth: 3 })).map(([index, key, value]) => ({
      ...fixture,
      nodes: fixture.nodes.map((node, at) => (at === index ? { ...node, [key]: value } : node)),
    })),
    fc.tuple(fc.nat(fixture.nodes.length - 1), fc.string({ maxLength: 20 }), fc.oneof(text, fc.jsonValue({ maxDepth: 3 }))).map(([index, key, value]) => ({
      ...fixture,
      nodes: fixture.nodes.map((node, at) => (at === index ? { ...node, data: { ...(node.data as object), [key]: value } } : node)),
    })),
  );
  const fileText = fc.oneof(mutatedFlow.map((flow) => JSON.stringify(flow)), jsonBody.map((value) => JSON.stringify(value) ?? ""), text);

  it("never throws, reports every refusal as problems, and writes nothing when it refuses", async () => {
    await fc.assert(
      fc.asyncProperty(fileText, async (file) => {
        const before = await Promise.all([db.flow.count(), db.flowVersion.count()]);
        const outcome = await importFlow(file);
        if (!outcome.ok) {
          // A valid file for an existing flow asks first (a conflict); anything else is problems.
          if ("errors" in outcome) {
            expect(outcome.errors.length).toBeGreaterThan(0);
            for (const problem of outcome.errors) expect(problem.message.length).toBeGreaterThan(0);
          }
          expect(await Promise.all([db.flow.count(), db.flowVersion.count()])).toEqual(before);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
