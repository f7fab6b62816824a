/**
 * The queues as one select, for the phone layout, where the queue pane is a bar above the list
 * (inbox.css hides it on wider screens, where every queue is a link). Choosing one opens it.
 */
import { Form, useSubmit } from "@remix-run/react";
import type { QueueKey, QueueSummary } from "../queues";

const VIEWS: QueueKey[] = ["open", "resolved", "bot", "snoozed"];

function optionLabel(queue: QueueSummary): string {
  return queue.count ? `${queue.label} (${queue.count})` : queue.label;
}

export function QueueSelect({ queues, current, searching }: { queues: QueueSummary[]; current: QueueKey | null; searching: boolean }) {
  const submit = useSubmit();
  const pick = (keys: QueueKey[]) => keys.flatMap((key) => queues.filter((queue) => queue.key === key));
  const teamQueues = queues.filter((queue) => queue.teamSlug);
  return (
    <Form method="get" action="/inbox" className="queue-select" onChange={(event) => submit(event.currentTarget)}>
      <select name="queue" className="select select-sm" aria-label="Queue" defaultValue={current ?? ""} key={current ?? ""}>
        {current === null ? <option value="">{searching ? "Search · all queues" : "Choose a queue"}</option> : null}
        {pick(["now", "mine"]).map((queue) => (
          <option key={queue.key} value={queue.key}>
            {optionLabel(queue)}
          </option>
        ))}
        {teamQueues.length > 0 ? (
          <optgroup label="Waiting">
            {teamQueues.map((queue) => (
              <option key={queue.key} value={queue.key}>
                {optionLabel(queue)}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Views">
          {pick(VIEWS).map((queue) => (
            <option key={queue.key} value={queue.key}>
              {optionLabel(queue)}
            </option>
          ))}
        </optgroup>
      </select>
    </Form>
  );
}
