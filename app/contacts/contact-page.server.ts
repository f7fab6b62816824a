/**
 * A contact's page in the inbox: who they are and every conversation they had. An agent may open
 * it when at least one of those conversations is theirs to see; the others are listed by date and
 * status only ("Another team's conversation"), never by what they were about.
 */
import { canSee, type InboxViewer } from "~/inbox/access.server";
import { db } from "~/utils/db.server";
import type { ContactPage } from "./view";
import { REAL_CHANNEL } from "~/vocabulary/channels";

export async function getContactPage(viewer: InboxViewer, contactId: string): Promise<ContactPage | null> {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      createdAt: true,
      conversations: {
        where: { channel: REAL_CHANNEL },
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, createdAt: true, status: true, intent: true, summary: true, teamId: true, flowVersionId: true, team: { select: { name: true } }, flow: { select: { name: true } } },
      },
    },
  });
  if (!contact) return null;
  const conversations = await Promise.all(
    contact.conversations.map(async (conversation) => {
      const canOpen = await canSee(viewer, conversation);
      return {
        id: conversation.id,
        createdAt: conversation.createdAt.toISOString(),
        status: conversation.status,
        canOpen,
        intent: canOpen ? conversation.intent : null,
        summary: canOpen ? conversation.summary : null,
        team: canOpen ? conversation.team?.name ?? null : null,
        flow: canOpen ? conversation.flow.name : null,
      };
    }),
  );
  if (!conversations.some((conversation) => conversation.canOpen)) return null;
  return { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone, createdAt: contact.createdAt.toISOString(), conversations };
}
