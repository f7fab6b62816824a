import { CheckboxListField, TextField, toIdentifier } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import type { SettingsProps } from "../shared/editor/types";
import { LANGUAGE_CODES, LANGUAGE_NAMES, type LanguageCode } from "./detect";
import type { LanguageData } from "./schema";

const byName = new Map(LANGUAGE_CODES.map((code) => [LANGUAGE_NAMES[code], code]));

export const LanguageIcon = () => <KindIcon><><circle cx="12" cy="12" r="9" /><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" /></></KindIcon>;

export const LanguageSummary = ({ data }: { data: LanguageData }) => (
  <p className="node-text">
    {data.languages.map((code) => LANGUAGE_NAMES[code]).join(", ")} · saves <code>{`{{${data.field}}}`}</code>
  </p>
);

export function LanguageSettings({ data, onChange, context }: SettingsProps<LanguageData>) {
  return (
    <>
      <CheckboxListField
        label="Languages to tell apart"
        hint="Each is an output; any other language, or a message too short to tell, takes “Another or unclear”. Read from the customer's last three messages."
        values={data.languages.map((code) => LANGUAGE_NAMES[code])}
        options={LANGUAGE_CODES.map((code) => LANGUAGE_NAMES[code])}
        onChange={(names) => onChange({ ...data, languages: names.flatMap((name) => byName.get(name) ?? []) as LanguageCode[] })}
        empty="No languages available."
      />
      <TextField
        label="Save the language as"
        hint={
          <>
            Its code (en, es, fr, de, pt), e.g. for a “Check a field” step: <code>{`{{${data.field || "language"}}}`}</code>.
          </>
        }
        value={data.field}
        onChange={(field) => onChange({ ...data, field: toIdentifier(field) })}
        problem={context.problem("field") ?? context.problem("languages")}
        maxLength={64}
      />
    </>
  );
}
