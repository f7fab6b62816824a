import { CheckboxListField, PercentField, ToggleField } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import type { SettingsProps } from "../shared/editor/types";
import type { KbData } from "./schema";

export const KbIcon = () => <KindIcon><><path d="M4 19.5A2.5 2.5 0 0 1 6.5 17H20" /><path d="M6.5 2H20v20H6.5A2.5 2.5 0 0 1 4 19.5v-15A2.5 2.5 0 0 1 6.5 2z" /></></KindIcon>;

export const KbSummary = ({ data }: { data: KbData }) => (
  <>
    <p className="node-text">{data.tags.length ? `Articles tagged ${data.tags.join(", ")}` : "The whole knowledge base"}</p>
    <p className="node-meta">
      Answers at {Math.round(data.minScore * 100)}%+ confidence{data.offerSuggestions ? " · suggests articles when unsure" : ""}
      {data.askFeedback ? " · asks “Did this help?”" : ""}
    </p>
  </>
);

export function KbSettings({ data, onChange, context }: SettingsProps<KbData>) {
  return (
    <>
      <CheckboxListField
        label="Only use articles tagged"
        hint="Leave all unticked to search every published article."
        values={data.tags}
        options={context.kbTags}
        onChange={(tags) => onChange({ ...data, tags })}
        empty="Your articles have no tags yet: the whole knowledge base is searched."
      />
      <PercentField
        label="Minimum confidence"
        hint="The chance that the answer comes from the right article (of answers given at 80%, about 8 in 10 are right). Below it: “No answer found”."
        value={data.minScore}
        onChange={(minScore) => onChange({ ...data, minScore })}
        problem={context.problem("minScore")}
      />
      <ToggleField
        label="Offer likely articles when unsure"
        hint="Below the minimum confidence, the bot first shows up to 3 close articles to pick from; “None of these” takes “No answer found”."
        checked={data.offerSuggestions}
        onChange={(offerSuggestions) => onChange({ ...data, offerSuggestions })}
      />
      <ToggleField
        label="Ask “Did this help?” after answering"
        hint="A “No” takes the “Not helpful” path."
        checked={data.askFeedback}
        onChange={(askFeedback) => onChange({ ...data, askFeedback })}
      />
    </>
  );
}
