/**
 * Shared by the inbox integration tests: the demo people and teams, the fixture flow, viewers
 * as the inbox builds them, and conversations handed off through the real turn engine.
 */
import { getInboxViewer, type InboxViewer } from "~/inbox/access.server";
import { db } from "~/utils/db.server";
import { seedPeople } from "~/workspace/seed-people.server";
import { BASE } from "./auth";
import { publishFixtureFlow, say, startConversation } from "./chat-api";

export async function seedInbox(): Promise<void> {
  await seedPeople(db);
  await publishFixtureFlow();
}

export async function viewerFor(email: string): Promise<InboxViewer> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
  return getInboxViewer({ ...user, role: user.role === "admin" ? "admin" : "agent" });
}

/** A new conversation on the fixture flow, handed off: "human" → support (normal), "chargeback" → billing (high). */
export async function handOff(kind: "human" | "chargeback" = "human", body: unknown = {}): Promise<{ id: string; token: string }> {
  const conversation = await startConversation("runtime-test", body);
  const text = kind === "human" ? "I want to talk to a human" : "I will file a chargeback";
  const reply = await say(conversation.id, conversation.token, text);
  if (reply.json.status !== "waiting") throw new Error(`expected a handoff, got ${reply.json.status}`);
  return { id: conversation.id, token: conversation.token };
}

export async function teamId(slug: string): Promise<string> {
  return (await db.team.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** A form POST as the browser sends it from the app (same origin). */
export function inboxForm(path: string, fields: Record<string, string>, cookie: string): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: BASE },
  });
}
