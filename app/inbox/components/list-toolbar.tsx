/**
 * Above the conversation list: search (messages, notes, contact, captured fields) and the label
 * filter. Both are plain GET forms, so a search or a filter is a link an agent can share; the
 * search also runs as the agent types (use-search-as-you-type.ts). Choosing
 * a label keeps the open conversation open when it has that label (as Chatwoot does): the filter
 * submits to /inbox/:id then, and to /inbox only when the conversation leaves the filtered list.
 */
import { Form, useSubmit } from "@remix-run/react";
import { Icon } from "~/components/icons";
import type { QueueKey } from "../queues";
import { useSearchAsYouType } from "../use-search-as-you-type";

export type OpenConversation = { id: string; labelIds: string[] };

type Props = { queue: QueueKey; search: string | null; label: string | null; labels: Array<{ id: string; name: string }>; openConversation: OpenConversation | null };

/** Where a label filter goes: the open conversation stays open when it still belongs to the filtered list. */
function labelFilterTarget(openConversation: OpenConversation | null, label: string): string {
  if (openConversation && (label === "" || openConversation.labelIds.includes(label))) return `/inbox/${openConversation.id}`;
  return "/inbox";
}

export function ListToolbar({ queue, search, label, labels, openConversation }: Props) {
  const submit = useSubmit();
  const searchBox = useSearchAsYouType(search);
  return (
    <div className="inbox-toolbar">
      <Form method="get" action="/inbox" role="search" className="inbox-search" onSubmit={searchBox.onSubmit}>
        <input type="hidden" name="queue" value={queue} />
        <Icon name="search" size={14} />
        <input
          type="search"
          name="q"
          className="inbox-search__input"
          value={searchBox.value}
          onChange={searchBox.onChange}
          placeholder="Search conversations…"
          title="Searches messages, internal notes and contact details"
          aria-label="Search conversations"
          maxLength={200}
          data-shortcut="search"
        />
      </Form>
      {labels.length > 0 && !search ? (
        <Form
          method="get"
          action="/inbox"
          className="inbox-label-filter"
          onChange={(event) => {
            const chosen = new FormData(event.currentTarget).get("label");
            submit(event.currentTarget, { action: labelFilterTarget(openConversation, typeof chosen === "string" ? chosen : "") });
          }}
        >
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
