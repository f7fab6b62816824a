import { useEffect, useRef, useState } from "react";
import { LinesField, PercentField, TextField, ToggleField, toIdentifier } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import type { SettingsProps } from "../shared/editor/types";
import { RECOMMENDED_EXAMPLES, type IntentData } from "./schema";
import { IntentReview } from "./review-panel";
import { IntentTester } from "./tester";

export const IntentIcon = () => <KindIcon><><circle cx="12" cy="12" r="9" /><circle cx="12" cy="12" r="5" /><circle cx="12" cy="12" r="1" /></></KindIcon>;

export const IntentSummary = ({ data }: { data: IntentData }) => (
  <>
    <p className="node-text">
      {data.intents.length ? (
        <>
          Sorts the customer's message into {data.intents.length} intent{data.intents.length === 1 ? "" : "s"}, if at least <strong>{Math.round(data.threshold * 100)}%</strong> sure
        </>
      ) : (
        <Unset>No intents yet</Unset>
      )}
    </p>
    {data.offerChoices ? <p className="node-meta">Asks “Did you mean…?” when unsure</p> : null}
  </>
);

function nextIntentName(data: IntentData): string {
  const names = new Set(data.intents.map((intent) => intent.name));
  for (let n = data.intents.length + 1; ; n += 1) if (!names.has(`intent_${n}`)) return `intent_${n}`;
}

export function IntentSettings({ data, onChange, context }: SettingsProps<IntentData>) {
  // Long lists start folded (a starter flow has dozens of phrases); an added intent opens.
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(data.intents.length <= 2 ? data.intents.map((_, index) => index) : []));
  const setIntent = (index: number, patch: Partial<IntentData["intents"][number]>) =>
    onChange({ ...data, intents: data.intents.map((intent, at) => (at === index ? { ...intent, ...patch } : intent)) });
  const toggle = (index: number, isOpen: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (isOpen) next.add(index);
      else next.delete(index);
      return next;
    });
  // "Add intent" names the new intent intent_N: its name field takes the focus, selected, so
  // the lead types the real name straight away instead of hunting for the field.
  const nameInputs = useRef<Array<HTMLInputElement | null>>([]);
  const [nameToFocus, setNameToFocus] = useState<number | null>(null);
  useEffect(() => {
    const input = nameToFocus === null ? null : nameInputs.current[nameToFocus];
    if (!input) return;
    input.focus();
    input.select();
    setNameToFocus(null);
  }, [nameToFocus, data.intents.length]);
  const intentsProblem = context.problem("intents");
  return (
    <>
      <div className="intent-list" role="group" aria-label="Intents">
        {data.intents.map((intent, index) => {
          const nameProblem = context.problem(`intents.${index}.name`);
          const examplesProblem = context.problem(`intents.${index}.examples`);
          const flagged = nameProblem ?? examplesProblem;
          return (
            <details key={index} className="intent-item" open={open.has(index)} onToggle={(event) => toggle(index, event.currentTarget.open)}>
              <summary className="intent-item-summary">
                <span className="intent-item-number">{index + 1}</span>
                <span className="intent-item-name">{intent.name.replace(/_/g, " ") || "Unnamed intent"}</span>
                {flagged ? <span className={`intent-item-flag is-${flagged.severity}`}>{flagged.severity === "error" ? "Fix" : "Check"}</span> : null}
                <span className="intent-item-count">
                  {intent.examples.length} example{intent.examples.length === 1 ? "" : "s"}
                </span>
              </summary>
              <div className="intent-item-body">
                <TextField
                  label="Intent name"
                  hint="Also the name of its output on the card."
                  value={intent.name}
                  onChange={(name) => setIntent(index, { name: toIdentifier(name) })}
                  problem={nameProblem}
                  maxLength={64}
                  inputRef={(element) => {
                    nameInputs.current[index] = element;
                  }}
                />
                <LinesField
                  label="Example phrases (one per line)"
                  hint={`What customers say for this. At least ${RECOMMENDED_EXAMPLES}; more is better.`}
                  values={intent.examples}
                  onChange={(examples) => setIntent(index, { examples })}
                  problem={examplesProblem}
                  placeholder={"where is my order\nhas my parcel shipped"}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-sm btn-ghost-danger intent-remove"
                  onClick={() => {
                    setOpen((current) => new Set([...current].filter((at) => at !== index).map((at) => (at > index ? at - 1 : at))));
                    onChange({ ...data, intents: data.intents.filter((_, at) => at !== index) });
                  }}
                >
                  Remove this intent
                </button>
              </div>
            </details>
          );
        })}
      </div>
      {intentsProblem ? <p className={intentsProblem.severity === "error" ? "field-error" : "field-warning"}>{intentsProblem.message}</p> : null}
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        onClick={() => {
          setOpen((current) => new Set([...current, data.intents.length]));
          setNameToFocus(data.intents.length);
          onChange({ ...data, intents: [...data.intents, { name: nextIntentName(data), examples: [] }] });
        }}
      >
        Add intent
      </button>
      <PercentField
        label="Confidence needed"
        hint="Less sure than this, the bot takes the “Not sure” output."
        value={data.threshold}
        onChange={(threshold) => onChange({ ...data, threshold })}
        problem={context.problem("threshold")}
      />
      <ToggleField
        label="Ask “Did you mean…?” when unsure"
        hint="Below the confidence needed, the bot first offers up to 3 close intents as buttons; “Something else” takes “Not sure”."
        checked={data.offerChoices}
        onChange={(offerChoices) => onChange({ ...data, offerChoices })}
      />
      <IntentTester flowId={context.flowId} nodeId={context.nodeId} data={data} />
      <IntentReview flowId={context.flowId} nodeId={context.nodeId} data={data} onChange={onChange} />
    </>
  );
}
