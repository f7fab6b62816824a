/**
 * "Messages this step wasn't sure about" in the intent step's form: what customers really said
 * to this step (published versions, last 30 days) under its review cut-off (reviewCutoff: "Not
 * sure" at the step's own threshold, and taken under 80% when the threshold is lower), each
 * filed under an intent in one click or dismissed. The list is asked for at the form's
 * threshold's cut-off, so its wording and its rows follow the number the lead just set; it is
 * asked again only when the cut-off changes (not below 80%), once the slider rests. "Add" is an ordinary edit of the
 * form's data (app/nodes/intent/review.ts), so the draft autosaves, undo takes it back and the
 * lead publishes when ready; "Dismiss" is stored on the server (flows.$id.intent-review.ts).
 * A message whose customer then tapped an intent at "Did you mean…?" says so, and "Add to"
 * starts at that intent: the lead's one click still files it.
 */
import { useEffect, useId, useState } from "react";
import { formatConfidence } from "~/utils/confidence";
import { addExample, describeEmptyReview, describeReviewScope, intentWithExample, REVIEW_WINDOW_DAYS, reviewCutoff, type ReviewItem } from "./review";
import { intentLabel, type IntentData } from "./schema";

type Load = { status: "loading" } | { status: "failed"; message: string } | { status: "done"; items: ReviewItem[] };

const PAGE = 20;
/** Each list is a scan of up to 10 pages of events: a slider being dragged asks once it rests. */
const SETTLE_MS = 300;
const label = (name: string) => name.replace(/_/g, " ");

function reviewUrl(flowId: string) {
  return `/flows/${encodeURIComponent(flowId)}/intent-review`;
}

function failureOf(response: Response): Error {
  return new Error(response.status === 403 ? "Only admins can review messages." : `The server answered ${response.status}.`);
}

type Props = { flowId: string; nodeId: string; data: IntentData; onChange: (next: IntentData) => void };

export function IntentReview({ flowId, nodeId, data, onChange }: Props) {
  const headingId = useId();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [shown, setShown] = useState(PAGE);
  const [dismissError, setDismissError] = useState<string | null>(null);
  const threshold = data.threshold;
  // The rows depend on the cut-off alone (the server takes the cut-off of whatever it is sent).
  const cutoff = reviewCutoff(threshold);
  const [askedCutoff, setAskedCutoff] = useState(cutoff);
  useEffect(() => {
    const timer = setTimeout(() => setAskedCutoff(cutoff), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [cutoff]);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: "loading" });
    setShown(PAGE);
    fetch(`${reviewUrl(flowId)}?${new URLSearchParams({ nodeId, threshold: String(askedCutoff) })}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw failureOf(response);
        const body = (await response.json()) as { items: ReviewItem[] };
        setLoad({ status: "done", items: body.items });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: "failed", message: error instanceof Error ? error.message : "The list did not load." });
      });
    return () => controller.abort();
  }, [flowId, nodeId, askedCutoff]);

  const dismiss = (item: ReviewItem) => {
    setDismissError(null);
    fetch(reviewUrl(flowId), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ nodeId, text: item.text }) })
      .then((response) => {
        if (!response.ok) throw failureOf(response);
        setLoad((current) => (current.status === "done" ? { status: "done", items: current.items.filter((other) => other !== item) } : current));
      })
      .catch((error: unknown) => setDismissError(error instanceof Error ? error.message : "The message was not dismissed."));
  };

  return (
    <section className="field intent-review" aria-labelledby={headingId}>
      <h3 id={headingId} className="label">
        Messages this step wasn't sure about
      </h3>
      {load.status === "loading" ? <p className="hint">Loading…</p> : null}
      {load.status === "failed" ? <p className="field-error">{load.message}</p> : null}
      {load.status === "done" && load.items.length === 0 ? (
        <p className="hint">{describeEmptyReview(threshold)}</p>
      ) : null}
      {load.status === "done" && load.items.length > 0 ? (
        <>
          <p className="hint">
            What customers said here in the last {REVIEW_WINDOW_DAYS} days that {describeReviewScope(threshold)}. Add one to the right intent: it joins the draft, and counts once you publish.
          </p>
          <ul className="stack-list">
            {load.items.slice(0, shown).map((item) => (
              <ReviewRow key={item.text} item={item} data={data} onAdd={(intent) => onChange(addExample(data, intent, item.text))} onDismiss={() => dismiss(item)} />
            ))}
          </ul>
          {dismissError ? <p className="field-error">{dismissError}</p> : null}
          {load.items.length > shown ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setShown((count) => count + PAGE)}>
              Show more ({load.items.length - shown})
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Verdict({ item }: { item: ReviewItem }) {
  const guess = item.guess ? `${label(item.guess.name)} ${formatConfidence(item.guess.confidence)}` : "none";
  return (
    <p className="intent-review-verdict">
      {item.notSure ? "Not sure" : "Taken"} · top guess <strong>{guess}</strong>
      {item.count > 1 ? <span className="intent-review-count"> · sent {item.count} times</span> : null}
    </p>
  );
}

/** What the customer tapped at the "Did you mean…?" that followed, in the words of its buttons. */
function CustomerPickNote({ item }: { item: ReviewItem }) {
  if (item.confirmed) {
    return (
      <p className="intent-review-pick">
        Customer picked <strong>{intentLabel(item.confirmed.name)}</strong>
      </p>
    );
  }
  return item.declined ? <p className="intent-review-pick">Customer said: something else</p> : null;
}

function ReviewRow({ item, data, onAdd, onDismiss }: { item: ReviewItem; data: IntentData; onAdd: (intent: string) => void; onDismiss: () => void }) {
  const selectId = useId();
  const names = data.intents.map((intent) => intent.name);
  // The customer's own pick first, then the bot's guess, while the draft still has that intent.
  const preselected = [item.confirmed?.name, item.guess?.name].find((name) => name !== undefined && names.includes(name)) ?? names[0] ?? "";
  const [target, setTarget] = useState(preselected);
  const chosen = names.includes(target) ? target : preselected;
  const already = intentWithExample(data, item.text);
  return (
    <li className="intent-review-item">
      <p className="intent-review-text">“{item.text}”</p>
      <Verdict item={item} />
      <CustomerPickNote item={item} />
      <div className="intent-review-actions">
        {already ? (
          <p className="intent-review-done">
            Already an example of <strong>{label(already)}</strong>
          </p>
        ) : names.length > 0 ? (
          <>
            <label className="intent-review-add-label" htmlFor={selectId}>
              Add to
            </label>
            <select id={selectId} className="select select-sm nodrag" value={chosen} onChange={(event) => setTarget(event.target.value)}>
              {names.map((name) => (
                <option key={name} value={name}>
                  {label(name)}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => onAdd(chosen)} aria-label={`Add “${item.text}” to ${label(chosen)}`}>
              Add
            </button>
          </>
        ) : null}
        <button type="button" className="btn btn-ghost btn-sm intent-review-dismiss" onClick={onDismiss} aria-label={`Dismiss “${item.text}”`}>
          Dismiss
        </button>
      </div>
    </li>
  );
}
