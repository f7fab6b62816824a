/**
 * The inbox's second pane: search and the label filter, then the conversations of the chosen
 * queue (or the search's matches), sorted by priority then wait, with live arrivals on top
 * marked "New". Each row: contact, intent, priority, a ticking wait, SLA breach, labels,
 * snooze, unread count.
 */
import { Link, useLocation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, type ReactNode } from "react";
import { Icon } from "~/components/icons";
import { formatDuration, humanize, isSlaBreached } from "../format";
import { contactLabel, type QueueKey, type QueueRow } from "../queues";
import { fromListState, returnFocusTarget, takeReturnFocus } from "../phone-layout";
import { splitSnippet } from "../search-marks";
import { useInboxShortcuts } from "../use-inbox-shortcuts";
import { useNewArrivals } from "../use-new-arrivals";
import { ListToolbar, type OpenConversation } from "./list-toolbar";
import { ShortcutsHelp } from "./shortcuts-help";
import { SnoozePill } from "./snooze-pill";

type Props = {
  title: string;
  queue: QueueKey;
  rows: QueueRow[];
  selectedId: string | null;
  now: number;
  missing: boolean;
  search: string | null;
  label: string | null;
  labels: Array<{ id: string; name: string }>;
  /** The conversation open beside the list and its labels: the label filter keeps it open when it matches. */
  openConversation: OpenConversation | null;
  /** Said above the rows (what just happened to the conversation that was open, on a phone). */
  notice?: ReactNode;
};

/** The list's heading: where focus goes when nothing more specific holds it. */
export const LIST_TITLE_ID = "inbox-list-title";

export function ConversationList({ title, queue, rows, selectedId, now, missing, search, label, labels, openConversation, notice = null }: Props) {
  const { ordered, isNew, latest } = useNewArrivals(rows, `${queue}|${search ?? ""}|${label ?? ""}`, selectedId);
  // Opening a row keeps the list as it is (the search or the label filter included).
  const query = new URLSearchParams({ queue, ...(search ? { q: search } : {}), ...(label ? { label } : {}) }).toString();
  const hrefFor = useCallback((id: string) => `/inbox/${id}?${query}`, [query]);
  const ids = useMemo(() => ordered.map((row) => row.id), [ordered]);
  const shortcuts = useInboxShortcuts({ ids, selectedId, hrefFor });
  useFocusOnReturn();
  const emptyText = missing ? "This queue is not one of yours." : search ? `No conversations match “${search}”.` : queue === "mine" ? "Nothing assigned to you right now." : "Nothing here right now.";
  return (
    <section className="inbox-list" aria-labelledby={LIST_TITLE_ID}>
      <ListToolbar queue={queue} search={search} label={label} labels={labels} openConversation={openConversation} />
      <header className="inbox-list__head">
        <h2 id={LIST_TITLE_ID} tabIndex={-1}>
          {title}
        </h2>
        <span className="inbox-list__count">{rows.length === 1 ? "1 conversation" : `${rows.length} conversations`}</span>
        {search ? (
          // The sidebar shows no queue as current while searching; this line says what the matches span.
          <p className="inbox-list__scope" data-testid="search-scope">
            In all your queues · <Link to={`/inbox?queue=${encodeURIComponent(queue)}`}>Clear search</Link>
          </p>
        ) : null}
        <button type="button" className="inbox-list__help" onClick={shortcuts.openHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          <kbd>?</kbd>
        </button>
      </header>
      <ShortcutsHelp open={shortcuts.helpOpen} onClose={shortcuts.closeHelp} />
      {notice}
      {/* Always rendered (an announcement needs a live region that already exists): a new handoff is spoken, not only shown. */}
      <p className="visually-hidden" role="status" data-testid="arrivals-announcement">
        {describeArrivals(latest)}
      </p>
      {rows.length === 0 ? (
        <div className="inbox-list__empty">
          <Icon name={missing ? "alert" : search ? "search" : "check"} size={20} />
          <p>{emptyText}</p>
        </div>
      ) : (
        <ul className="inbox-rows" aria-label={title}>
          {ordered.map((row) => (
            <li key={row.id}>
              <ConversationRow row={row} href={hrefFor(row.id)} selected={row.id === selectedId} now={now} fresh={isNew(row.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Back from a conversation (the phone layout shows one pane at a time): focus goes to its row,
 * or to the list's title when it has left the list, not to the top of the page.
 */
function useFocusOnReturn() {
  const { state, key } = useLocation();
  useEffect(() => {
    const id = takeReturnFocus() ?? returnFocusTarget(state);
    if (!id) return;
    const rowLink = document.querySelector<HTMLElement>(`.inbox-row[data-conversation-id="${CSS.escape(id)}"]`);
    (rowLink ?? document.getElementById(LIST_TITLE_ID))?.focus();
  }, [state, key]);
}

/** "New conversation: Maya, order status." or "3 new conversations, the newest: …" */
export function describeArrivals(rows: QueueRow[]): string {
  if (rows.length === 0) return "";
  const [newest] = rows;
  const what = `${contactLabel(newest)}${newest.intent ? `, ${humanize(newest.intent)}` : ""}`;
  return rows.length === 1 ? `New conversation: ${what}.` : `${rows.length} new conversations, the newest: ${what}.`;
}

const PREVIEW_PREFIX: Record<string, string> = { agent: "Agent: ", bot: "Bot: " };

function ConversationRow({ row, href, selected, now, fresh }: { row: QueueRow; href: string; selected: boolean; now: number; fresh: boolean }) {
  const breached = isSlaBreached(row.waitingSince, row.slaMinutes, now);
  const name = contactLabel(row);
  const { pathname } = useLocation();
  return (
    <Link
      to={href}
      state={fromListState(pathname)}
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
          {fresh ? <span className="pill pill--new">New</span> : null}
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
          {row.snoozedUntil ? <SnoozePill until={row.snoozedUntil} /> : null}
          {row.labels.map((label) => (
            <span key={label.id} className={`pill label-pill label-pill--${label.color}`}>
              {label.name}
            </span>
          ))}
          {row.status === "resolved" && row.csat !== null ? (
            <span className="pill pill--rating" data-testid="rating">
              <Icon name="star" size={11} />
              {`${row.csat}/5`}
            </span>
          ) : null}
        </span>
        <span className="inbox-row__bottom">
          <span className="inbox-row__preview">{row.match ? <MatchSnippet snippet={row.match} /> : row.lastMessage ? `${PREVIEW_PREFIX[row.lastMessage.role] ?? ""}${row.lastMessage.text}` : ""}</span>
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

/** A search hit's words in <mark>, the rest as plain text nodes (never markup from the message). */
function MatchSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, index) => (part.matched ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  );
}
