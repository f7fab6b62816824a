import { LinesField, PercentField, TextField, toIdentifier } from "../shared/editor/fields";
import { createCard, Unset } from "../shared/editor/node-card";
import type { SettingsProps } from "../shared/editor/types";
import { RECOMMENDED_EXAMPLES, type IntentData } from "./schema";

export const IntentCard = createCard<IntentData>("IntentCard", ({ data }) => (
  <p className="node-text">
    {data.intents.length ? (
      <>
        Sorts the customer's message into {data.intents.length} intent{data.intents.length === 1 ? "" : "s"}, if at least <strong>{Math.round(data.threshold * 100)}%</strong> sure
      </>
    ) : (
      <Unset>No intents yet</Unset>
    )}
  </p>
));

function nextIntentName(data: IntentData): string {
  const names = new Set(data.intents.map((intent) => intent.name));
  for (let n = data.intents.length + 1; ; n += 1) if (!names.has(`intent_${n}`)) return `intent_${n}`;
}

export function IntentSettings({ data, onChange, context }: SettingsProps<IntentData>) {
  const setIntent = (index: number, patch: Partial<IntentData["intents"][number]>) =>
    onChange({ ...data, intents: data.intents.map((intent, at) => (at === index ? { ...intent, ...patch } : intent)) });
  const intentsProblem = context.problem("intents");
  return (
    <>
      <div className="intent-list" role="group" aria-label="Intents">
        {data.intents.map((intent, index) => (
          <section key={index} className="intent-item" aria-label={`Intent ${index + 1}`}>
            <div className="intent-item-header">
              <span className="intent-item-number">{index + 1}</span>
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Remove intent ${intent.name}`}
                onClick={() => onChange({ ...data, intents: data.intents.filter((_, at) => at !== index) })}
              >
                Remove
              </button>
            </div>
            <TextField
              label="Intent name"
              hint="Also the name of its output on the card."
              value={intent.name}
              onChange={(name) => setIntent(index, { name: toIdentifier(name) })}
              problem={context.problem(`intents.${index}.name`)}
              maxLength={64}
            />
            <LinesField
              label="Example phrases (one per line)"
              hint={`What customers say for this. At least ${RECOMMENDED_EXAMPLES}; more is better.`}
              values={intent.examples}
              onChange={(examples) => setIntent(index, { examples })}
              problem={context.problem(`intents.${index}.examples`)}
              placeholder={"where is my order\nhas my parcel shipped"}
            />
          </section>
        ))}
      </div>
      {intentsProblem ? <p className={intentsProblem.severity === "error" ? "field-error" : "field-warning"}>{intentsProblem.message}</p> : null}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => onChange({ ...data, intents: [...data.intents, { name: nextIntentName(data), examples: [] }] })}>
        Add intent
      </button>
      <PercentField
        label="Confidence needed"
        hint="Less sure than this, the bot takes the “Not sure” output."
        value={data.threshold}
        onChange={(threshold) => onChange({ ...data, threshold })}
        problem={context.problem("threshold")}
      />
    </>
  );
}
