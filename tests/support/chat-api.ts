/**
 * Drives the public chat API through the real Remix route modules with real Request objects,
 * against the per-file migrated SQLite database. Thrown Responses (guards) are returned, as
 * Remix would send them.
 */
import fs from "node:fs";
import path from "node:path";
import * as startRoute from "~/routes/api.chat.$slug.conversations";
import * as conversationRoute from "~/routes/api.conversations.$id";
import * as eventsRoute from "~/routes/api.conversations.$id.events";
import * as feedbackRoute from "~/routes/api.conversations.$id.feedback";
import * as messagesRoute from "~/routes/api.conversations.$id.messages";
import { publishFlow } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";

export const BASE = "http://baton.test";

export async function seedTeams(): Promise<void> {
  for (const [slug, name] of [["support", "Support"], ["billing", "Billing"]] as const) {
    await db.team.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
  }
}

/** Flow settings for test flows that route everything to Support and keep the triggers out of the way. */
export const QUIET_FLOW_SETTINGS = {
  defaultTeam: "support",
  humanRequest: { enabled: true, team: "support" },
  repeatedFailure: { enabled: true, limit: 3, team: "support" },
  sensitive: { enabled: false, terms: [], team: "support" },
};

export function readFixtureFlow(name = "runtime-test"): unknown {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "flows", `${name}.json`), "utf8"));
}

export async function publishFixtureFlow(name = "runtime-test"): Promise<void> {
  const result = await publishFlow(readFixtureFlow(name));
  if (!result.ok) throw new Error(`fixture flow ${name} does not publish: ${JSON.stringify(result.errors)}`);
}

type CallOptions = { method?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string>; token?: string | null };

export function buildRequest(url: string, options: CallOptions = {}): Request {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`${BASE}${url}`, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

async function settle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const context = {};

export function startConversationRequest(slug: string, options: CallOptions = {}) {
  const request = buildRequest(`/api/chat/${slug}/conversations`, { method: "POST", body: {}, ...options });
  return settle(() => startRoute.action({ request, params: { slug }, context }));
}

export function sendMessageRequest(id: string, options: CallOptions = {}) {
  const request = buildRequest(`/api/conversations/${id}/messages`, { method: "POST", ...options });
  return settle(() => messagesRoute.action({ request, params: { id }, context }));
}

export function feedbackRequest(id: string, options: CallOptions = {}) {
  const request = buildRequest(`/api/conversations/${id}/feedback`, { method: "POST", ...options });
  return settle(() => feedbackRoute.action({ request, params: { id }, context }));
}

export function getConversationRequest(id: string, options: CallOptions = {}) {
  const request = buildRequest(`/api/conversations/${id}`, options);
  return settle(() => conversationRoute.loader({ request, params: { id }, context }));
}

export function eventsRequest(id: string, options: CallOptions & { signal?: AbortSignal; query?: string } = {}) {
  const base = buildRequest(`/api/conversations/${id}/events${options.query ?? ""}`, options);
  const request = options.signal ? new Request(base, { signal: options.signal }) : base;
  return settle(() => eventsRoute.loader({ request, params: { id }, context }));
}

export type ApiMessage = { id: string; role: string; text: string; createdAt: string; choices?: string[]; source?: unknown };

/** Starts a conversation and returns its id and token (asserting the 201). */
export async function startConversation(slug = "runtime-test", body: unknown = {}): Promise<{ id: string; token: string; messages: ApiMessage[] }> {
  const response = await startConversationRequest(slug, { body });
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { conversationId: string; token: string; messages: ApiMessage[] };
  return { id: json.conversationId, token: json.token, messages: json.messages };
}

export async function say(id: string, token: string, text: string, clientMessageId = `m-${Math.random().toString(36).slice(2)}`) {
  const response = await sendMessageRequest(id, { token, body: { clientMessageId, text } });
  return { response, json: (await response.json()) as { status: string; messages: ApiMessage[] } };
}

/** Row counts that a rejected request must leave unchanged. */
export async function countRows() {
  const [conversations, messages, events, contacts] = await Promise.all([db.conversation.count(), db.message.count(), db.event.count(), db.contact.count()]);
  return { conversations, messages, events, contacts };
}
