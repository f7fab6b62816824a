/**
 * The email a customer leaves while the team is closed or nobody is online: it fills the
 * conversation's contact (an empty email only — what an agent typed is never overwritten; see
 * contacts.server.ts), so agents see it in the contact panel, and is recorded as an event.
 */
import { fillContactDetails } from "~/contacts/contacts.server";
import { db } from "~/utils/db.server";

/** False when the conversation is not this flow's. */
export async function saveAwayEmail(conversationId: string, slug: string, email: string): Promise<boolean> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { contactId: true, flowId: true, flow: { select: { slug: true } } } });
  if (!conversation || conversation.flow.slug !== slug) return false;
  await fillContactDetails(conversationId, conversation.contactId, { email: email.toLowerCase() });
  await db.event.create({ data: { conversationId, flowId: conversation.flowId, type: "contact.emailLeft", payload: JSON.stringify({ email: email.toLowerCase() }) }, select: { id: true } });
  return true;
}
