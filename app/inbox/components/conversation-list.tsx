/**
 * The inbox's second pane: the conversations of the chosen queue, sorted by priority then
 * wait. Each row: contact, intent, priority, a ticking wait, SLA breach, unread count.
 */
import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons";
import { formatDuration, humanize, isSlaBreached } from "../format";
import { contactLabel, type QueueKey, type QueueRow } from "../queues";

type Props = { title: string; queue: QueueKey; rows: QueueRow[]; selectedId: string | null; now: number; missing: boolean };

export function ConversationList({ title, queue, rows, selectedId, now, missing }: Props) {
  return (
    <section className="inbox-list" aria-labelledby="inbox-list-title">
      <header className="inbox-list__head">
        <h2 id="inbox-list-title">{title}</h2>
        <span className="inbox-list__count">{rows.length === 1 ? "1 conversation" : `${rows.length} conversations`}</span>
      </header>
      {rows.length === 0 ? (
        <div className="inbox-list__empty">
          <Icon name={missing ? "alert" : "check"} size={20} />
          <p>{missing ? "This queue is not one of yours." : queue === "mine" ? "Nothing assigned to you right now." : "Nothing here right now."}</p>
        </div>
      ) : (
        <ul className="inbox-rows" aria-label={title}>
          {rows.map((row) => (
            <li key={row.id}>
              <ConversationRow row={row} queue={queue} selected={row.id === selectedId} now={now} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const PREVIEW_PREFIX: Record<string, string> = { agent: "Agent: ", bot: "Bot: " };

function ConversationRow({ row, queue, selected, now }: { row: QueueRow; queue: QueueKey; selected: boolean; now: number }) {
  const breached = isSlaBreached(row.waitingSince, row.slaMinutes, now);
  const name = contactLabel(row);
  return (
    <Link
      to={`/inbox/${row.id}?queue=${encodeURIComponent(queue)}`}
      className={`inbox-row${selected ? " inbox-row--selected" : ""}${row.unread > 0 ? " inbox-row--unread" : ""}`}
      aria-current={selected ? "page" : undefined}
      data-conversation-id={row.id}
      prefetch="intent"
    >
      <span className={`avatar inbox-row__avatar priority-${row.priority}`} aria-hidden="true">
        {name.slice(0, 1).toUpperCase()}
      </span>
      <span className="inbox-row__body">
        <span className="inbox-row__top">
          <span className="inbox-row__name">{name}</span>
          {row.waitingSince ? (
            <span className={`inbox-row__wait${breached ? " inbox-row__wait--breached" : ""}`} title="Waiting for a person" data-testid="waiting-time">
              <Icon name="clock" size={12} />
              {formatDuration(now - Date.parse(row.waitingSince))}
            </span>
          ) : row.status === "resolved" && row.resolvedAt ? (
            <span className="inbox-row__wait">Resolved</span>
          ) : null}
        </span>
        <span className="inbox-row__meta">
          {row.intent ? <span className="inbox-row__intent">{humanize(row.intent)}</span> : null}
          {row.priority === "high" || row.priority === "urgent" ? <span className={`pill pill--${row.priority}`}>{humanize(row.priority)}</span> : null}
          {breached ? <span className="pill pill--breach">SLA breached</span> : null}
          {row.status === "waiting" ? <span className="pill">Unassigned</span> : null}
          {row.status === "open" && row.assignee ? <span className="inbox-row__assignee">{row.assignee.name}</span> : null}
          {row.status === "resolved" && row.csat !== null ? (
            <span className="pill pill--rating" data-testid="rating">
              <Icon name="star" size={11} />
              {`${row.csat}/5`}
            </span>
          ) : null}
        </span>
        <span className="inbox-row__bottom">
          <span className="inbox-row__preview">{row.lastMessage ? `${PREVIEW_PREFIX[row.lastMessage.role] ?? ""}${row.lastMessage.text}` : ""}</span>
          {row.unread > 0 ? (
            <span className="unread" aria-label={`${row.unread} unread`}>
              {row.unread}
            </span>
          ) : null}
        </span>
      </span>
    </Link>
  );
}
