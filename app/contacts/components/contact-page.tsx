/** A contact's page: who they are and their conversations, newest first. */
import { useHydrated } from "~/chat/use-hydrated";
import { ConversationHistory } from "~/inbox/components/conversation-history";
import { EmailText } from "~/inbox/components/email-text";
import { formatWhen } from "~/inbox/format";
import type { ContactPage } from "../view";

export function ContactPageView({ contact }: { contact: ContactPage }) {
  const hydrated = useHydrated();
  return (
    <div className="contact-page">
      <header className="contact-page__header">
        <h2>{contact.name ?? contact.email ?? "Unnamed visitor"}</h2>
        <dl className="packet__facts">
          <div className="packet__fact">
            <dt>Email</dt>
            <dd>{contact.email ? <EmailText email={contact.email} /> : "—"}</dd>
          </div>
          <div className="packet__fact">
            <dt>Phone</dt>
            <dd>{contact.phone ?? "—"}</dd>
          </div>
          <div className="packet__fact">
            <dt>First seen</dt>
            <dd>{hydrated ? formatWhen(contact.createdAt) : ""}</dd>
          </div>
        </dl>
      </header>
      <section aria-label="Conversations">
        <h3 className="packet__label">
          {contact.conversations.length} conversation{contact.conversations.length === 1 ? "" : "s"}
        </h3>
        <ConversationHistory
          items={contact.conversations.map((conversation) => ({ ...conversation, where: [conversation.team, conversation.flow].filter((part): part is string => Boolean(part)) }))}
        />
      </section>
    </div>
  );
}
