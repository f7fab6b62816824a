/**
 * The intent step's "test phrases" box: type what a customer might say and see how the bot ranks
 * it among the intents as they are in the form right now (the server classifies with the draft's
 * phrases; nothing is saved). Answers arrive a moment after typing stops; a stale answer for an
 * older phrase or older intents never replaces a newer one.
 */
import { useEffect, useId, useRef, useState } from "react";
import { formatConfidence } from "~/utils/confidence";
import { intentLabel, type IntentData } from "./schema";
import { intentsToOffer } from "./offer";
import type { SocialKind } from "./social";

type Ranked = { name: string; confidence: number };
type TestResult = { social: SocialKind | null; intent: string | null; ranked: Ranked[] };
type State = { status: "idle" } | { status: "waiting" } | { status: "done"; result: TestResult } | { status: "failed"; message: string };

const DEBOUNCE_MS = 250;
const SHOWN = 4;

const SOCIAL_LABEL: Record<SocialKind, string> = {
  greeting: "a greeting",
  thanks: "thanks",
  goodbye: "a goodbye",
  smalltalk: "small talk",
  contact: "contact details",
};

export function IntentTester({ flowId, nodeId, data }: { flowId: string; nodeId: string; data: IntentData }) {
  const id = useId();
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });
  const phrase = text.trim();
  const resultBox = useRef<HTMLDivElement>(null);

  // The box sits low in a long form: the ranking appears under it, below the panel's fold at
  // 1024×768, and the lead typing saw nothing happen. Scroll just enough to show the answer.
  useEffect(() => {
    if (state.status === "done" || state.status === "failed") resultBox.current?.scrollIntoView({ block: "nearest" });
  }, [state]);

  useEffect(() => {
    if (!phrase || data.intents.length === 0) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setState({ status: "waiting" });
    const timer = setTimeout(() => {
      fetch(`/flows/${encodeURIComponent(flowId)}/intent-test`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ nodeId, intents: data.intents, threshold: data.threshold, text: phrase }),
        signal: controller.signal,
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(response.status === 403 ? "Only admins can test phrases." : `The server answered ${response.status}.`);
          setState({ status: "done", result: (await response.json()) as TestResult });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setState({ status: "failed", message: error instanceof Error ? error.message : "The test failed." });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [flowId, nodeId, phrase, data.intents, data.threshold]);

  return (
    <div className="field intent-tester">
      <label className="label" htmlFor={id}>
        Test a phrase
      </label>
      <input id={id} className="input nodrag" value={text} onChange={(event) => setText(event.target.value)} placeholder="where's my parcel?" maxLength={500} />
      <div ref={resultBox} className="intent-tester-result" role="status" aria-live="polite">
        <TesterResult state={state} threshold={data.threshold} offerChoices={data.offerChoices} />
      </div>
    </div>
  );
}

function TesterResult({ state, threshold, offerChoices }: { state: State; threshold: number; offerChoices: boolean }) {
  if (state.status === "idle") return <p className="hint">Type what a customer might say: the intents are ranked as the bot would rank them.</p>;
  if (state.status === "waiting") return <p className="hint">Checking…</p>;
  if (state.status === "failed") return <p className="field-error">{state.message}</p>;
  const { social, intent, ranked } = state.result;
  if (social) return <p className="hint">That is {SOCIAL_LABEL[social]}: the bot answers it and waits for the request.</p>;
  const offered = !intent && offerChoices ? intentsToOffer(ranked, ranked.map((candidate) => candidate.name)) : [];
  return (
    <>
      <p className="intent-tester-verdict">
        {intent ? (
          <>
            Goes to <strong>{intent.replace(/_/g, " ")}</strong>
          </>
        ) : offered.length > 0 ? (
          <>
            Asks <strong>“Did you mean…?”</strong> with {offered.map((candidate) => intentLabel(candidate.name)).join(", ")} (no intent reaches {Math.round(threshold * 100)}%)
          </>
        ) : (
          <>
            Goes to <strong>Not sure</strong> (no intent reaches {Math.round(threshold * 100)}%)
          </>
        )}
      </p>
      <ol className="intent-tester-ranking">
        {ranked.slice(0, SHOWN).map((candidate) => (
          <li key={candidate.name}>
            <span>{candidate.name.replace(/_/g, " ")}</span> <span className="intent-tester-percent">{formatConfidence(candidate.confidence)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
