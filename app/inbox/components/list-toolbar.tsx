/**
 * Above the conversation list: search (messages, notes, contact, captured fields) and the label
 * filter. Both are plain GET forms on /inbox, so a search or a filter is a link an agent can share.
 */
import { Form, useSubmit } from "@remix-run/react";
import { Icon } from "~/components/icons";
import type { QueueKey } from "../queues";

type Props = { queue: QueueKey; search: string | null; label: string | null; labels: Array<{ id: string; name: string }> };

export function ListToolbar({ queue, search, label, labels }: Props) {
  const submit = useSubmit();
  return (
    <div className="inbox-toolbar">
      <Form method="get" action="/inbox" role="search" className="inbox-search">
        <input type="hidden" name="queue" value={queue} />
        <Icon name="search" size={14} />
        <input
          type="search"
          name="q"
          className="inbox-search__input"
          defaultValue={search ?? ""}
          key={search ?? ""}
          placeholder="Search conversations…"
          title="Searches messages, internal notes and contact details"
          aria-label="Search conversations"
          maxLength={200}
          data-shortcut="search"
        />
      </Form>
      {labels.length > 0 && !search ? (
        <Form method="get" action="/inbox" className="inbox-label-filter" onChange={(event) => submit(event.currentTarget)}>
          <input type="hidden" name="queue" value={queue} />
          <select name="label" className="select select-sm" defaultValue={label ?? ""} key={label ?? ""} aria-label="Filter by label">
            <option value="">All labels</option>
            {labels.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </Form>
      ) : null}
    </div>
  );
}
