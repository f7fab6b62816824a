/** A contact's page: who they are and their conversations, newest first. */
import { Link } from "@remix-run/react";
import { useHydrated } from "~/chat/use-hydrated";
import { formatWhen, humanize } from "~/inbox/format";
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
            <dd>{contact.email ?? "—"}</dd>
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
        <ul className="packet__history">
          {contact.conversations.map((conversation) => {
            const label = (
              <>
                <span className="packet__history-title">
                  {conversation.intent ? humanize(conversation.intent) : conversation.canOpen ? "Conversation" : "Another team's conversation"}
                </span>
                <span className="packet__history-meta">
                  {hydrated ? formatWhen(conversation.createdAt) : ""} · {humanize(conversation.status)}
                  {conversation.team ? ` · ${conversation.team}` : ""}
                  {conversation.flow ? ` · ${conversation.flow}` : ""}
                </span>
                {conversation.summary ? <span className="packet__history-summary">{conversation.summary}</span> : null}
              </>
            );
            return (
              <li key={conversation.id}>
                {conversation.canOpen ? (
                  <Link to={`/inbox/${conversation.id}`} className="packet__history-item">
                    {label}
                  </Link>
                ) : (
                  <div className="packet__history-item packet__history-item--locked">{label}</div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
