/**
 * Who the customer is, kept on the Contact row: found or created when a conversation starts (by
 * the email the embedding site vouches for, else by the browser's visitor cookie), filled as the
 * customer gives their name, email or phone (to a collect step, or in their own words), and
 * corrected by agents. Details the customer gives fill empty fields only: what an agent typed,
 * or what the site vouched for, is never overwritten by a later guess.
 */
import { createRowId } from "~/runtime/ids.server";
import { buildInserts, type SqlStatement } from "~/runtime/sql.server";
import { db } from "~/utils/db.server";
import { hashVisitorKey } from "./visitor.server";
import type { ContactDetails } from "./recognise";

export type ContactFields = { name: string | null; email: string | null; phone: string | null };

/**
 * The contact a new conversation belongs to. A verified email (from the embedding site, which
 * knows its signed-in user) is the same person wherever they write from; otherwise the same
 * browser is. Null when neither is known (an API call with no contact): one is made when the
 * customer first says who they are.
 */
export async function resolveContact(input: { verified?: { name?: string; email?: string }; visitorKey?: string | null }): Promise<string | null> {
  const email = input.verified?.email?.toLowerCase();
  const name = input.verified?.name;
  const visitorKeyHash = input.visitorKey ? hashVisitorKey(input.visitorKey) : null;
  if (!email && !name && !visitorKeyHash) return null;
  return db.$transaction(async (tx) => {
    if (email) {
      const existing = await tx.contact.findFirst({ where: { email }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
      if (existing) {
        if (name && !existing.name) await tx.contact.update({ where: { id: existing.id }, data: { name }, select: { id: true } });
        return existing.id;
      }
    }
    const byBrowser = visitorKeyHash ? await tx.contact.findUnique({ where: { visitorKeyHash }, select: { id: true, name: true, email: true } }) : null;
    if (byBrowser && (!email || !byBrowser.email)) {
      const fill = { ...(name && !byBrowser.name ? { name } : {}), ...(email ? { email } : {}) };
      if (Object.keys(fill).length) await tx.contact.update({ where: { id: byBrowser.id }, data: fill, select: { id: true } });
      return byBrowser.id;
    }
    // A browser already known under another verified email: a different person on a shared browser.
    const created = await tx.contact.create({
      data: { name: name ?? null, email: email ?? null, visitorKeyHash: byBrowser ? null : visitorKeyHash },
      select: { id: true },
    });
    return created.id;
  });
}

function givenDetails(details: ContactDetails): ContactDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === "string" && value.trim() !== "")) as ContactDetails;
}

const CONTACT_KEYS = ["name", "email", "phone"] as const;

/**
 * What fillContactDetails does, as statements for a turn's own transaction (the turn engine
 * writes them with its messages: no round trips or commit of their own). Empty when nothing
 * was given. The new contact is linked only if the conversation still has none.
 */
export function contactFillStatements(conversationId: string, contactId: string | null, details: ContactDetails): SqlStatement[] {
  const given = givenDetails(details);
  const keys = CONTACT_KEYS.filter((key) => given[key]);
  if (keys.length === 0) return [];
  if (!contactId) {
    const id = createRowId();
    return [
      ...buildInserts("Contact", [{ id, name: given.name ?? null, email: given.email ?? null, phone: given.phone ?? null, createdAt: new Date() }]),
      { sql: `UPDATE "Conversation" SET "contactId" = ? WHERE "id" = ? AND "contactId" IS NULL`, params: [id, conversationId] },
    ];
  }
  // Empty fields only (null or ''), as fillContactDetails.
  const assignments = keys.map((key) => `"${key}" = CASE WHEN "${key}" IS NULL OR "${key}" = '' THEN ? ELSE "${key}" END`);
  return [{ sql: `UPDATE "Contact" SET ${assignments.join(", ")} WHERE "id" = ?`, params: [...keys.map((key) => given[key] ?? null), contactId] }];
}

/** Fills the conversation's contact with what the customer just gave (creating and linking one if it has none). */
export async function fillContactDetails(conversationId: string, contactId: string | null, details: ContactDetails): Promise<void> {
  const given = givenDetails(details);
  if (Object.keys(given).length === 0) return;
  if (!contactId) {
    const created = await db.contact.create({ data: { name: given.name ?? null, email: given.email ?? null, phone: given.phone ?? null }, select: { id: true } });
    await db.conversation.updateMany({ where: { id: conversationId, contactId: null }, data: { contactId: created.id } });
    return;
  }
  const contact = await db.contact.findUnique({ where: { id: contactId }, select: { name: true, email: true, phone: true } });
  if (!contact) return;
  const fill: Partial<ContactFields> = {};
  for (const key of ["name", "email", "phone"] as const) if (given[key] && !contact[key]) fill[key] = given[key];
  if (Object.keys(fill).length) await db.contact.update({ where: { id: contactId }, data: fill, select: { id: true } });
}

/** An agent's correction: replaces the fields as typed (empty clears), creating the contact if the conversation had none. */
export async function saveContactFields(conversationId: string, fields: ContactFields): Promise<string> {
  const { contactId } = await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { contactId: true } });
  if (contactId) {
    await db.contact.update({ where: { id: contactId }, data: fields, select: { id: true } });
    return contactId;
  }
  const created = await db.contact.create({ data: fields, select: { id: true } });
  await db.conversation.update({ where: { id: conversationId }, data: { contactId: created.id }, select: { id: true } });
  return created.id;
}
