/**
 * Contacts on the real database through the real chat API: the same browser (visitor cookie) or
 * the same verified email is the same contact; what the customer says about themselves, or gives
 * to a collect step, fills it; agents' contact pages list only what they may see.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getContactPage } from "~/contacts/contact-page.server";
import { saveContactFields } from "~/contacts/contacts.server";
import { loadConversationFacts } from "~/analytics/conversation-facts.server";
import { isRepeatContact } from "~/analytics/metrics";
import { db } from "~/utils/db.server";
import { say, startConversationRequest } from "../support/chat-api";
import { handOff, seedInbox, viewerFor } from "../support/inbox";

beforeAll(seedInbox);

async function startAs(visitorKey: string | null, body: unknown = {}) {
  const response = await startConversationRequest("runtime-test", { body, headers: visitorKey ? { cookie: `baton_visitor=${visitorKey}` } : {} });
  expect(response.status).toBe(201);
  const json = (await response.json()) as { conversationId: string; token: string };
  return { id: json.conversationId, token: json.token };
}

const contactOf = async (id: string) => (await db.conversation.findUniqueOrThrow({ where: { id }, select: { contactId: true } })).contactId;

describe("who the customer is", () => {
  it("links a returning browser, and a verified email, to the same contact", async () => {
    const browser = "visitor-key-aaaaaaaaaaaaaaaa";
    const first = await startAs(browser);
    const second = await startAs(browser);
    expect(await contactOf(first.id)).not.toBeNull();
    expect(await contactOf(second.id)).toBe(await contactOf(first.id));
    expect(await contactOf((await startAs("visitor-key-bbbbbbbbbbbbbbbb")).id)).not.toBe(await contactOf(first.id));

    // The embedding site vouches for the email: the same person on another device.
    const onLaptop = await startAs("visitor-key-cccccccccccccccc", { contact: { email: "Sam@Example.com", name: "Sam" } });
    const onPhone = await startAs("visitor-key-dddddddddddddddd", { contact: { email: "sam@example.com" } });
    expect(await contactOf(onPhone.id)).toBe(await contactOf(onLaptop.id));
    // An API call with nothing to go on makes no contact.
    expect(await contactOf((await startAs(null)).id)).toBeNull();
  });

  it("fills the contact from the customer's own words and never overwrites what is known", async () => {
    const { id, token } = await startAs("visitor-key-eeeeeeeeeeeeeeee");
    await say(id, token, "Hi, I'm Maya, maya@example.com");
    const contactId = (await contactOf(id))!;
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { name: true, email: true, phone: true } })).toEqual({ name: "Maya", email: "maya@example.com", phone: null });
    await say(id, token, "my phone is +1 415 555 0100 and I'm Mia");
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { name: true, phone: true } })).toEqual({ name: "Maya", phone: "+1 415 555 0100" });
  });

  it("creates a contact for a conversation that had none when the customer says who they are, also while with a person", async () => {
    const { id, token } = await handOff();
    expect(await contactOf(id)).toBeNull();
    expect((await say(id, token, "This is Jordan Lee, jordan@example.org")).json.status).toBe("waiting");
    const contactId = await contactOf(id);
    expect(contactId).not.toBeNull();
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId! }, select: { name: true, email: true } })).toEqual({ name: "Jordan Lee", email: "jordan@example.org" });
  });
});

describe("contact pages and agents' corrections", () => {
  it("lists a contact's conversations, hiding what another team's were about, and 404s for a contact with nothing of the viewer's", async () => {
    const browser = "visitor-key-ffffffffffffffff";
    const support = await startAs(browser);
    await say(support.id, support.token, "I want to talk to a human");
    const billing = await startAs(browser);
    await say(billing.id, billing.token, "I will file a chargeback");
    const contactId = (await contactOf(support.id))!;
    const ana = await viewerFor("ana@baton.local");
    const page = await getContactPage(ana, contactId);
    expect(page?.conversations.map((conversation) => ({ id: conversation.id, canOpen: conversation.canOpen }))).toEqual([
      { id: billing.id, canOpen: false },
      { id: support.id, canOpen: true },
    ]);
    expect(page?.conversations[0]).toMatchObject({ intent: null, summary: null, team: null });

    await saveContactFields(support.id, { name: "Robin Park", email: "robin@example.com", phone: null });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { name: true, email: true } })).toEqual({ name: "Robin Park", email: "robin@example.com" });

    const other = await startAs("visitor-key-gggggggggggggggg");
    await say(other.id, other.token, "I will file a chargeback");
    expect(await getContactPage(ana, (await contactOf(other.id))!)).toBeNull();
  });

  it("counts a returning browser as a repeat contact in analytics", async () => {
    const browser = "visitor-key-hhhhhhhhhhhhhhhh";
    const first = await startAs(browser);
    const second = await startAs(browser);
    const facts = await loadConversationFacts({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000), flowId: null, teams: null });
    expect(isRepeatContact(facts.find((fact) => fact.id === first.id)!)).toBe(true);
    expect(isRepeatContact(facts.find((fact) => fact.id === second.id)!)).toBe(false);
  });
});
