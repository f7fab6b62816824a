/**
 * "Offer choices" and "Set a field" through the public chat API on the real database: the
 * buttons reach the client as the message's `choices`, a typed answer picks an option, the
 * chosen label and a computed field are stored on the conversation with their events.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { publishFlow } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { QUIET_FLOW_SETTINGS, say, seedTeams, startConversation } from "../support/chat-api";

beforeAll(async () => {
  await seedTeams();
  const published = await publishFlow({
    schemaVersion: 1,
    name: "Menu",
    slug: "menu",
    settings: QUIET_FLOW_SETTINGS,
    nodes: [
      { id: "start", kind: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi" } },
      { id: "menu", kind: "choice", position: { x: 1, y: 0 }, data: { question: "Pick a size", options: [{ id: "s", label: "Small" }, { id: "m", label: "Medium" }, { id: "l", label: "Large" }], field: "size" } },
      { id: "price", kind: "set", position: { x: 2, y: 0 }, data: { field: "price", mode: "expression", value: "round(length(size) * 1.5, 1)" } },
      { id: "say", kind: "message", position: { x: 3, y: 0 }, data: { text: "{{size}} costs {{price}}" } },
      { id: "person", kind: "escalate", position: { x: 2, y: 1 }, data: { team: "support", reason: "No size" } },
      { id: "end", kind: "end", position: { x: 4, y: 0 }, data: { text: "Bye" } },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "menu" },
      { id: "e2", source: "menu", sourceHandle: "s", target: "price" },
      { id: "e3", source: "menu", sourceHandle: "m", target: "price" },
      { id: "e4", source: "menu", sourceHandle: "l", target: "price" },
      { id: "e5", source: "menu", sourceHandle: "other", target: "person" },
      { id: "e6", source: "price", sourceHandle: "next", target: "say" },
      { id: "e7", source: "say", sourceHandle: "next", target: "end" },
    ],
  });
  if (!published.ok) throw new Error(JSON.stringify(published.errors));
});

describe("choice and set through the chat API", () => {
  it("sends the options as quick replies, matches a typed ordinal and stores the computed field", async () => {
    const { id, token, messages } = await startConversation("menu");
    expect(messages.at(-1)).toMatchObject({ role: "bot", text: "Pick a size", choices: ["Small", "Medium", "Large"] });
    const reply = await say(id, token, "the third one");
    expect(reply.response.status).toBe(200);
    expect(reply.json.messages.map((message) => message.text)).toEqual(["the third one", "Large costs 7.5", "Bye", "How would you rate this conversation?"]);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id }, select: { fields: true, status: true } });
    expect(JSON.parse(conversation.fields)).toEqual({ size: "Large", price: 7.5 });
    const events = await db.event.findMany({ where: { conversationId: id, type: { in: ["choice.selected", "field.captured"] } }, orderBy: { createdAt: "asc" }, select: { type: true, payload: true } });
    expect(events.map((event) => [event.type, JSON.parse(event.payload)])).toEqual([
      ["choice.selected", { option: "l", label: "Large", typed: true }],
      ["field.captured", { field: "size", value: "Large", source: "choice" }],
      ["field.captured", { field: "price", value: 7.5, source: "set" }],
    ]);
  });

  it("asks again with the buttons after an answer that fits none, then hands off", async () => {
    const { id, token } = await startConversation("menu");
    const again = await say(id, token, "purple");
    expect(again.json.messages.at(-1)).toMatchObject({ text: "Please choose one of: Small, Medium, Large.", choices: ["Small", "Medium", "Large"] });
    const handed = await say(id, token, "still purple");
    expect(handed.json.status).toBe("waiting");
  });
});
