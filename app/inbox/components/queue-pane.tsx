/**
 * The inbox's first pane: the queues with their counts, the agent's own availability (round
 * robin skips "away"), handoff notifications (opt-in) and the way to the saved replies. On a
 * phone it is a bar above the list, its queues in one select (QueueSelect).
 */
import { Link, NavLink, useFetcher, useLocation } from "@remix-run/react";
import { Icon } from "~/components/icons";
import type { QueueKey, QueueSummary } from "../queues";
import { INBOX_SETTINGS_INTENTS } from "../intents";
import { fromListState } from "../phone-layout";
import { QueueSelect } from "./queue-select";

type Props = {
  queues: QueueSummary[];
  current: QueueKey | null;
  /** A search is shown: no queue is current, the phone's select says why. */
  searching: boolean;
  availability: "online" | "away";
  notifyOnHandoff: boolean;
};

export function QueuePane({ queues, current, searching, availability, notifyOnHandoff }: Props) {
  const fixed = (key: QueueKey) => queues.find((queue) => queue.key === key);
  const teamQueues = queues.filter((queue) => queue.teamSlug);
  const { pathname } = useLocation();
  return (
    <nav className="inbox-queues" aria-label="Queues">
      <div className="inbox-queues__head">
        <h1>Inbox</h1>
        <QueueSelect queues={queues} current={current} searching={searching} />
        <AvailabilitySwitch availability={availability} />
      </div>
      <ul className="queue-list">
        <QueueLink queue={fixed("now")} current={current} icon="bell" />
        <QueueLink queue={fixed("mine")} current={current} icon="user" />
      </ul>
      <p className="queue-group">Waiting</p>
      <ul className="queue-list">
        {teamQueues.length === 0 ? <li className="queue-empty">You are not in a team yet.</li> : null}
        {teamQueues.map((queue) => (
          <QueueLink key={queue.key} queue={queue} current={current} label={queue.label.replace(/^Waiting · /, "")} icon="clock" />
        ))}
      </ul>
      <p className="queue-group">Views</p>
      <ul className="queue-list">
        <QueueLink queue={fixed("open")} current={current} icon="inbox" />
        <QueueLink queue={fixed("resolved")} current={current} icon="check" />
        <QueueLink queue={fixed("bot")} current={current} icon="bot" />
        <QueueLink queue={fixed("snoozed")} current={current} icon="clock" />
      </ul>
      <div className="inbox-queues__foot">
        <NotifySwitch enabled={notifyOnHandoff} />
        <NavLink to="/inbox/saved-replies" state={fromListState(pathname)} className="queue-link" prefetch="intent">
          <Icon name="bookmark" size={16} />
          <span className="queue-link__label">Saved replies</span>
        </NavLink>
      </div>
    </nav>
  );
}

function QueueLink({ queue, current, icon, label }: { queue?: QueueSummary; current: QueueKey | null; icon: Parameters<typeof Icon>[0]["name"]; label?: string }) {
  if (!queue) return null;
  const active = queue.key === current;
  return (
    <li>
      <Link to={`/inbox?queue=${encodeURIComponent(queue.key)}`} className="queue-link" aria-current={active ? "page" : undefined} data-queue={queue.key}>
        <Icon name={icon} size={16} />
        <span className="queue-link__label">{label ?? queue.label}</span>
        {queue.count !== null && queue.count > 0 ? <span className="queue-count">{queue.count}</span> : null}
      </Link>
    </li>
  );
}

function AvailabilitySwitch({ availability }: { availability: "online" | "away" }) {
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("availability");
  const shown = pending === "online" || pending === "away" ? pending : availability;
  const next = shown === "online" ? "away" : "online";
  return (
    <fetcher.Form method="post" action="/inbox">
      <input type="hidden" name="intent" value={INBOX_SETTINGS_INTENTS.availability} />
      <input type="hidden" name="availability" value={next} />
      <button
        type="submit"
        className={`availability availability--${shown}`}
        aria-label={`You are ${shown}. Switch to ${next}.`}
        title={shown === "online" ? "Online: new conversations can be assigned to you" : "Away: automatic assignment skips you"}
      >
        <span className="availability__dot" aria-hidden="true" />
        {shown === "online" ? "Online" : "Away"}
      </button>
    </fetcher.Form>
  );
}

function NotifySwitch({ enabled }: { enabled: boolean }) {
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("notify");
  const shown = pending === "on" ? true : pending === "off" ? false : enabled;
  const toggle = async () => {
    // Asking the browser's permission must happen in the click itself.
    if (!shown && typeof Notification !== "undefined" && Notification.permission === "default") {
      await Notification.requestPermission().catch(() => "denied");
    }
    fetcher.submit({ intent: INBOX_SETTINGS_INTENTS.notify, notify: shown ? "off" : "on" }, { method: "post", action: "/inbox" });
  };
  return (
    <button type="button" className="queue-link" role="switch" aria-checked={shown} onClick={() => void toggle()}>
      <Icon name="bell" size={16} />
      <span className="queue-link__label" title="A browser notification when a conversation enters one of your queues">Handoff alerts</span>
      <span className={`switch${shown ? " switch--on" : ""}`} aria-hidden="true" />
    </button>
  );
}
