/**
 * The whole transcript as the agent sees it: customer lines on the left; the bot, agents and
 * internal notes on the right, each its own colour; system lines and activity centred.
 * Every text is a React text node (white-space: pre-wrap keeps its line breaks): markup a
 * customer typed is shown as the characters they typed.
 */
import { useEffect, useLayoutEffect, useRef } from "react";
import { Icon } from "~/components/icons";
import { useHydrated } from "~/chat/use-hydrated";
import { formatWhen } from "../format";
import { describeOfferedChoices, type OfferedChoices } from "../offered-choices";
import type { TimelineItem, TimelineMessage } from "../view";
import type { PendingLine } from "./reply-composer";

const useBrowserLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

type Pending = PendingLine | null;

export function Timeline({ items, contactName, pending }: { items: TimelineItem[]; contactName: string; pending: Pending }) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useBrowserLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [items.length, pending]);
  // The pane around the transcript changes height without a scroll event: a label or a snooze
  // pill makes the header taller, a long reply makes the composer taller. Stay on the latest line.
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      className="timeline"
      ref={scroller}
      role="log"
      aria-label="Transcript"
      // A tab stop: a long transcript scrolls with the arrow keys.
      tabIndex={0}
      aria-live="polite"
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
      }}
    >
      {items.map((item) =>
        item.kind === "activity" ? (
          <div key={item.id} className="timeline-activity" data-kind="activity">
            <span>{item.text}</span>
            <Time iso={item.createdAt} />
          </div>
        ) : (
          <MessageLine key={item.id} message={item} contactName={contactName} />
        ),
      )}
      {pending ? (
        <div className={`line line--${pending.role} line--pending`} data-role={pending.role}>
          <div className="line__meta">
            {pending.role === "note" ? "Internal note" : "You"} · {pending.state === "retrying" ? "Not sent — retrying…" : pending.state === "sent" ? "sent" : "sending…"}
          </div>
          <div className="line__bubble">{pending.text}</div>
        </div>
      ) : null}
    </div>
  );
}

function speaker(message: TimelineMessage, contactName: string): string {
  switch (message.role) {
    case "customer":
      return contactName;
    case "bot":
      return "Bot";
    case "agent":
      return message.authorName ?? "Agent";
    case "note":
      return `Internal note · ${message.authorName ?? "Agent"}`;
    default:
      return "";
  }
}

function MessageLine({ message, contactName }: { message: TimelineMessage; contactName: string }) {
  if (message.role === "system") {
    return (
      <div className="timeline-system" data-role="system">
        <span>{message.text}</span>
      </div>
    );
  }
  return (
    <div className={`line line--${message.role}`} data-role={message.role} data-message-id={message.id}>
      <div className="line__meta">
        {message.role === "note" ? <Icon name="lock" size={12} /> : null}
        <span className="line__speaker">{speaker(message, contactName)}</span>
        <Time iso={message.createdAt} />
      </div>
      <div className="line__bubble">
        {message.text}
        {message.source ? (
          <span className="line__source">
            <Icon name="book" size={12} />
            {message.source.title}
          </span>
        ) : null}
        {message.offer ? <OfferedList offer={message.offer} /> : null}
      </div>
    </div>
  );
}

/** The buttons the customer saw, read-only here (an agent cannot pick for them), and what they picked. */
function OfferedList({ offer }: { offer: OfferedChoices }) {
  const outcome = describeOfferedChoices(offer);
  return (
    <div className="line__offer">
      <ul className="line__choices" aria-label="Offered to the customer">
        {offer.choices.map((choice, index) => (
          <li key={index} className={choice === offer.picked ? "line__choice line__choice--picked" : "line__choice"}>
            {choice}
          </li>
        ))}
      </ul>
      {outcome ? <p className="line__picked">{outcome}</p> : null}
    </div>
  );
}

function Time({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <time className="line__time" dateTime={iso}>
      {formatWhen(iso)}
    </time>
  );
}
