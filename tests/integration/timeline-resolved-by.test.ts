/**
 * The inbox timeline names who resolved a conversation: an agent's resolve in the inbox, and the
 * generated demo history's agent resolves too (they once said "An agent resolved the
 * conversation": the demo wrote the agent under another key than the inbox does).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { claimConversation, resolveConversation } from "~/inbox/actions.server";
import { getConversationView } from "~/inbox/conversation-view.server";
import { db } from "~/utils/db.server";
import { seedDemoHistory } from "~/workspace/seed-history.server";
import { seedKnowledgeBase } from "~/workspace/seed-knowledge-base.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { handOff, seedInbox, viewerFor } from "../support/inbox";

const resolvedLines = async (conversationId: string) => {
  const view = await getConversationView(await viewerFor("admin@baton.local"), conversationId);
  if (!view) throw new Error(`no view of ${conversationId}`);
  return view.timeline.flatMap((item) => (item.kind === "activity" && item.text.endsWith("resolved the conversation") ? [item.text] : []));
};

beforeAll(async () => {
  await seedInbox();
  await seedStarterFlows(db);
  await seedKnowledgeBase(db);
  await seedDemoHistory(db, new Date("2026-06-15T12:00:00Z"));
});

describe("who resolved the conversation, in the inbox timeline", () => {
  it("names the agent of every resolve in the demo history", async () => {
    const resolved = await db.conversation.findMany({
      where: { status: "resolved", assigneeId: { not: null } },
      select: { id: true, assignee: { select: { name: true } } },
      take: 5,
    });
    expect(resolved.length).toBe(5);
    for (const conversation of resolved) {
      expect(await resolvedLines(conversation.id)).toEqual([`${conversation.assignee?.name} resolved the conversation`]);
    }
  });

  it("names the agent who resolved it in the inbox", async () => {
    const ana = await viewerFor("ana@baton.local");
    const { id } = await handOff();
    expect(await claimConversation(ana, id)).toMatchObject({ ok: true });
    expect(await resolveConversation(ana, id)).toMatchObject({ ok: true });
    expect(await resolvedLines(id)).toEqual([`${ana.name} resolved the conversation`]);
  });
});
