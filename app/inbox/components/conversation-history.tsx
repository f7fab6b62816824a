/**
 * A contact's conversations as a list of links (the packet's "Earlier conversations", the contact
 * page): intent, when, status and where, and the summary. Another team's conversation shows only
 * that it happened (the server leaves its intent and summary out) and is not a link.
 */
import { Link } from "@remix-run/react";
import { useHydrated } from "~/chat/use-hydrated";
import { formatWhen, humanize, summaryPreview } from "../format";

export type HistoryItem = { id: string; createdAt: string; status: string; intent: string | null; summary: string | null; canOpen: boolean; where?: string[] };

export function ConversationHistory({ items }: { items: HistoryItem[] }) {
  const hydrated = useHydrated();
  return (
    <ul className="packet__history">
      {items.map((item) => {
        const label = (
          <>
            <span className="packet__history-title">{item.intent ? humanize(item.intent) : item.canOpen ? "Conversation" : "Another team's conversation"}</span>
            <span className="packet__history-meta">{[hydrated ? formatWhen(item.createdAt) : "", humanize(item.status), ...(item.where ?? [])].join(" · ")}</span>
            {item.summary ? <span className="packet__history-summary">{summaryPreview(item.summary)}</span> : null}
          </>
        );
        return (
          <li key={item.id}>
            {item.canOpen ? (
              <Link to={`/inbox/${item.id}`} className="packet__history-item">
                {label}
              </Link>
            ) : (
              <div className="packet__history-item packet__history-item--locked">{label}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
