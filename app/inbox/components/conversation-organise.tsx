/**
 * Keeping the inbox in order: snooze (an hour, four hours, tomorrow morning, or until the customer
 * writes; "Unsnooze" brings it back) and labels (apply an existing one, or type a new name to make
 * and apply it; remove from the header). Same action fetcher as the other actions, so the answer
 * shows in the one banner.
 */
import { useRef } from "react";
import { Icon } from "~/components/icons";
import type { ConversationTools, ConversationView } from "../view";
import { Menu, useActionFetcher } from "./conversation-actions";
import { CONVERSATION_INTENTS } from "../intents";

const SNOOZE_CHOICES = [
  { until: "1h", label: "For an hour" },
  { until: "4h", label: "For 4 hours" },
  { until: "tomorrow", label: "Until tomorrow, 9:00" },
  { until: "reply", label: "Until the customer writes" },
] as const;

type Props = {
  view: ConversationView;
  tools: Pick<ConversationTools, "labels">;
};

export function ConversationOrganise({ view, tools }: Props) {
  const fetcher = useActionFetcher(view.id);
  const busy = fetcher.state !== "idle";
  const submit = (fields: Record<string, string>) => fetcher.submit(fields, { method: "post" });
  const applied = new Set(view.labels.map((label) => label.id));
  const newLabel = useRef<HTMLInputElement>(null);
  const active = view.status === "waiting" || view.status === "open";
  return (
    <>
      {active ? (
        <Menu label="Snooze" icon="clock" iconOnly>
          {view.snoozedUntil ? (
            <button type="button" className="menu__item" disabled={busy} onClick={() => submit({ intent: CONVERSATION_INTENTS.wake })}>
              <span className="menu__item-label">Unsnooze now</span>
            </button>
          ) : null}
          {SNOOZE_CHOICES.map((choice) => (
            <button key={choice.until} type="button" className="menu__item" disabled={busy} onClick={() => submit({ intent: CONVERSATION_INTENTS.snooze, until: choice.until })}>
              <span className="menu__item-label">{choice.label}</span>
            </button>
          ))}
        </Menu>
      ) : null}
      <Menu label="Labels" icon="bookmark" iconOnly>
        {(close) => (
          <>
            {tools.labels
              .filter((label) => !applied.has(label.id))
              .map((label) => (
                <button key={label.id} type="button" className="menu__item" disabled={busy} onClick={() => submit({ intent: CONVERSATION_INTENTS.labelAdd, name: label.name })}>
                  <span className={`label-dot label-pill--${label.color}`} aria-hidden="true" />
                  <span className="menu__item-label">{label.name}</span>
                </button>
              ))}
            <form
              className="menu__form"
              onClick={(event) => event.stopPropagation()}
              onSubmit={(event) => {
                event.preventDefault();
                const name = newLabel.current?.value.trim();
                if (!name) return;
                submit({ intent: CONVERSATION_INTENTS.labelAdd, name });
                close();
              }}
            >
              <input ref={newLabel} className="input input-sm" name="name" placeholder="New label…" aria-label="New label" maxLength={40} />
              <button type="submit" className="btn btn-secondary btn-sm" disabled={busy}>
                <Icon name="plus" size={12} />
                Add
              </button>
            </form>
          </>
        )}
      </Menu>
    </>
  );
}

/** The conversation's labels in its header, each removable. */
export function LabelPills({ view, canEdit }: { view: ConversationView; canEdit: boolean }) {
  const fetcher = useActionFetcher(view.id);
  return (
    <>
      {view.labels.map((label) => (
        <span key={label.id} className={`pill label-pill label-pill--${label.color}`}>
          {label.name}
          {canEdit ? (
            <button
              type="button"
              className="label-pill__remove"
              aria-label={`Remove label ${label.name}`}
              onClick={() => fetcher.submit({ intent: CONVERSATION_INTENTS.labelRemove, labelId: label.id }, { method: "post" })}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
    </>
  );
}
