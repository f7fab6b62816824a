/**
 * What keeps an agent's inbox workable, on the real database: "Needs me" (mine first, then my
 * teams' waiting ones by priority then wait), snooze until a time or the customer's next message,
 * labels and the label filter, and full-text search that never crosses a team boundary.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addInternalNote, claimConversation, reopenConversation, resolveConversation } from "~/inbox/actions.server";
import { applyLabelByName, removeLabel } from "~/inbox/labels.server";
import { listQueue } from "~/inbox/queues.server";
import { searchConversations } from "~/inbox/search.server";
import { MATCH_END, MATCH_START } from "~/inbox/search-marks";
import { snoozeConversation } from "~/inbox/snooze.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { say } from "../support/chat-api";
import { handOff, seedInbox, viewerFor } from "../support/inbox";

let ana: Awaited<ReturnType<typeof viewerFor>>;
let ben: Awaited<ReturnType<typeof viewerFor>>;

beforeAll(async () => {
  await seedInbox();
  [ana, ben] = await Promise.all(["ana@baton.local", "ben@baton.local"].map(viewerFor));
});

const idsOf = async (queue: Parameters<typeof listQueue>[1], options: Parameters<typeof listQueue>[2] = {}) => ((await listQueue(ana, queue, options)) ?? []).map((row) => row.id);

describe("Needs me", () => {
  it("lists my conversations first, then my teams' waiting ones, and hides snoozed ones until they wake", async () => {
    const waiting = await handOff();
    const mine = await handOff();
    await claimConversation(ana, mine.id);
    const billing = await handOff("chargeback");
    const now = await idsOf("now");
    expect(now.indexOf(mine.id)).toBeGreaterThanOrEqual(0);
    expect(now.indexOf(mine.id)).toBeLessThan(now.indexOf(waiting.id));
    expect(now).not.toContain(billing.id);

    await snoozeConversation(mine.id, { until: new Date(Date.now() + 60 * 60 * 1000) });
    expect(await idsOf("now")).not.toContain(mine.id);
    expect(await idsOf("mine")).not.toContain(mine.id);
    expect(await idsOf("snoozed")).toContain(mine.id);
    // Its time is up: back where it was.
    await snoozeConversation(mine.id, { until: new Date(Date.now() - 1000) });
    expect(await idsOf("now")).toContain(mine.id);

    // Until the customer writes: their next message brings it back.
    await snoozeConversation(waiting.id, { untilReply: true });
    expect(await idsOf("now")).not.toContain(waiting.id);
    await handleCustomerMessage({ conversationId: waiting.id, clientMessageId: "wake-up", text: "hello? anyone?" });
    expect(await idsOf("now")).toContain(waiting.id);
    expect(await idsOf("snoozed")).not.toContain(waiting.id);
  });

  it("forgets a snooze when the conversation is resolved, so reopening it puts it back in Needs me", async () => {
    const conversation = await handOff();
    await claimConversation(ana, conversation.id);
    await snoozeConversation(conversation.id, { until: new Date(Date.now() + 60 * 60 * 1000) });
    expect(await resolveConversation(ana, conversation.id)).toMatchObject({ ok: true });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id }, select: { snoozedUntil: true } })).snoozedUntil).toBeNull();
    expect(await reopenConversation(ana, conversation.id)).toMatchObject({ ok: true });
    expect(await idsOf("now")).toContain(conversation.id);
    expect(await idsOf("snoozed")).not.toContain(conversation.id);
  });
});

describe("labels", () => {
  it("makes a label on first use, applies it once, filters any queue by it, and removes it", async () => {
    const first = await handOff();
    const second = await handOff();
    const vip = await applyLabelByName(first.id, "VIP");
    expect(await applyLabelByName(first.id, "  vip ")).toEqual(vip);
    expect(await db.label.count({ where: { name: "VIP" } })).toBe(1);
    expect(await idsOf("open", { labelId: vip.id })).toEqual([first.id]);
    const row = (await listQueue(ana, "open"))?.find((candidate) => candidate.id === first.id);
    expect(row?.labels).toEqual([vip]);
    await removeLabel(first.id, vip.id);
    expect(await idsOf("open", { labelId: vip.id })).toEqual([]);
    expect(await idsOf("open")).toContain(second.id);
  });
});

describe("search", () => {
  it("finds conversations by message words, internal notes, contact and captured fields, only in the agent's teams", async () => {
    const byMessage = await handOff();
    await say(byMessage.id, byMessage.token, "My parcel with the turquoise scarf never arrived");
    const byNote = await handOff();
    await addInternalNote(ana, { conversationId: byNote.id, clientMessageId: "note-1", text: "Customer is a wholesale partner, escalate invoices" });
    const byContact = await handOff();
    await say(byContact.id, byContact.token, "I'm Priya, priya.n@example.net");
    const otherTeam = await handOff("chargeback");
    await say(otherTeam.id, otherTeam.token, "the turquoise scarf again");

    const found = async (viewer: typeof ana, text: string) => (await searchConversations(viewer, text)).map((row) => row.id);
    expect(await found(ana, "turquoise")).toEqual([byMessage.id]);
    expect(await found(ana, "turq scarf")).toEqual([byMessage.id]);
    expect(await found(ana, "wholesale")).toEqual([byNote.id]);
    expect(await found(ana, "priya.n@example")).toEqual([byContact.id]);
    expect(await found(ben, "turquoise")).toEqual([otherTeam.id]);
    const [hit] = await searchConversations(ana, "turquoise");
    expect(hit.match).toContain(`${MATCH_START}turquoise${MATCH_END}`);
    expect(await found(ana, "\"; DROP TABLE")).toEqual([]);
  });
});
