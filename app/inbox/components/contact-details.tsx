/**
 * The contact in the packet panel: name, email, phone, a link to everything they wrote before,
 * and an Edit form so an agent can correct what the bot captured (the customer never has to
 * repeat it). Posts `intent=contact` to the conversation route.
 */
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { ConversationView } from "../view";
import { EmailText } from "./email-text";
import { CONVERSATION_INTENTS } from "../intents";

type Result = { ok: boolean; intent: string; message?: string; field?: string };
type Props = { conversationId: string; contact: ConversationView["contact"] };

export function ContactDetails({ conversationId, contact }: Props) {
  const fetcher = useFetcher<Result>({ key: `contact-${conversationId}` });
  const [editing, setEditing] = useState(false);
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setEditing(false);
  }, [fetcher.state, fetcher.data]);

  if (editing) {
    return (
      <fetcher.Form method="post" className="stack contact-form" aria-label="Edit contact">
        <input type="hidden" name="intent" value={CONVERSATION_INTENTS.contact} />
        {(["name", "email", "phone"] as const).map((field) => (
          <div className="field" key={field}>
            <label className="label" htmlFor={`contact-${field}`}>
              {field === "name" ? "Name" : field === "email" ? "Email" : "Phone"}
            </label>
            <input
              id={`contact-${field}`}
              name={field}
              className="input"
              type={field === "email" ? "email" : field === "phone" ? "tel" : "text"}
              defaultValue={contact?.[field] ?? ""}
              maxLength={field === "email" ? 254 : field === "phone" ? 40 : 200}
              aria-invalid={error?.field === field || undefined}
            />
            {error?.field === field ? <p className="field-error">{error.message}</p> : null}
          </div>
        ))}
        <div className="row">
          <button type="submit" className="btn btn-primary btn-sm" disabled={fetcher.state !== "idle"}>
            Save contact
          </button>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </fetcher.Form>
    );
  }
  return (
    <>
      <dl className="packet__facts">
        <div className="packet__fact">
          <dt>Name</dt>
          <dd>{contact?.name ?? "—"}</dd>
        </div>
        <div className="packet__fact">
          <dt>Email</dt>
          <dd>{contact?.email ? <EmailText email={contact.email} /> : "—"}</dd>
        </div>
        <div className="packet__fact">
          <dt>Phone</dt>
          <dd>{contact?.phone ?? "—"}</dd>
        </div>
      </dl>
      <div className="row contact-actions">
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(true)}>
          Edit contact
        </button>
        {contact?.id ? (
          <Link to={`/inbox/contacts/${contact.id}`} className="btn btn-secondary btn-sm">
            All their conversations
          </Link>
        ) : null}
      </div>
    </>
  );
}
