/**
 * Flow settings: name, language, default team, and the global handoff triggers that SPEC.md
 * defines (a request for a person, repeated failure, sensitive content), each with its team and
 * priority. Changes apply to the draft as they are made (and can be undone).
 */
import { useState } from "react";
import { FlowBrandingFields } from "~/branding/components/flow-branding-fields";
import { Dialog } from "~/components/dialog";
import type { FlowSettings } from "~/flow/document";
import { LinesField, SelectField, TextField, ToggleField, type Option } from "~/nodes/shared/editor/fields";
import { phrasesFor, SUPPORTED_LOCALES } from "~/nodes/shared/phrases";
import type { FieldProblem } from "~/nodes/shared/editor/types";

type Priority = FlowSettings["humanRequest"]["priority"];
const PRIORITIES: Array<Option<Priority>> = [
  { value: "low", label: "Low" },
  { value: "normal", label: "Normal" },
  { value: "high", label: "High" },
  { value: "urgent", label: "Urgent" },
];
const LANGUAGE_NAMES: Record<string, string> = { en: "English", es: "Español", fr: "Français", de: "Deutsch", pt: "Português" };
const LIMITS = Array.from({ length: 10 }, (_, index) => ({ value: String(index + 1), label: index === 0 ? "The first time" : `After ${index + 1} times` }));

type Props = {
  open: boolean;
  onClose: () => void;
  name: string;
  settings: FlowSettings;
  teams: Array<{ slug: string; name: string }>;
  /** Settings diagnostics (unknown teams) by field, e.g. `settings.sensitive.team`. */
  problem: (field: string) => FieldProblem | undefined;
  onRename: (name: string) => void;
  onChange: (settings: FlowSettings) => void;
};

function teamOptions(teams: Props["teams"], current: string): Array<Option<string>> {
  const known = teams.some((team) => team.slug === current);
  return [...(known ? [] : [{ value: current, label: `${current || "none"} (no such team)` }]), ...teams.map((team) => ({ value: team.slug, label: team.name }))];
}

type Trigger = "humanRequest" | "repeatedFailure" | "sensitive";

/** Who takes over when a trigger fires: its team and priority. */
function TriggerTarget({ trigger, settings, teams, problem, onChange }: { trigger: Trigger; settings: FlowSettings; teams: Props["teams"]; problem: Props["problem"]; onChange: (patch: { team?: string; priority?: Priority }) => void }) {
  const { team, priority } = settings[trigger];
  return (
    <>
      <SelectField label="Team" value={team} options={teamOptions(teams, team)} onChange={(next) => onChange({ team: next })} problem={problem(`settings.${trigger}.team`)} />
      <SelectField label="Priority" value={priority} options={PRIORITIES} onChange={(next) => onChange({ priority: next })} />
    </>
  );
}

export function FlowSettingsDialog({ open, onClose, name, settings, teams, problem, onRename, onChange }: Props) {
  const [typedName, setTypedName] = useState(name);
  const nameProblem: FieldProblem | undefined = typedName.trim() ? undefined : { severity: "error", message: "Give the flow a name." };
  const { humanRequest, repeatedFailure, sensitive } = settings;
  const set = <K extends keyof FlowSettings>(key: K, value: FlowSettings[K]) => onChange({ ...settings, [key]: value });
  const trigger = <K extends Trigger>(key: K, patch: Partial<FlowSettings[K]>) => set(key, { ...settings[key], ...patch });
  const target = (key: Trigger) => <TriggerTarget trigger={key} settings={settings} teams={teams} problem={problem} onChange={(patch) => trigger(key, patch)} />;
  return (
    <Dialog open={open} onClose={onClose} title="Flow settings" description="Applies to every step of this flow. Saved with the draft." wide>
      <form className="stack settings-form" onSubmit={(event) => event.preventDefault()}>
        <div className="grid-2">
          <TextField
            label="Name"
            value={typedName}
            maxLength={200}
            problem={nameProblem}
            onChange={(next) => {
              setTypedName(next);
              if (next.trim()) onRename(next.trim());
            }}
          />
          <SelectField
            label="Language of the bot's own phrases"
            hint="“Did this help?”, validation hints, the rating question."
            value={settings.locale ?? "en"}
            options={SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] ?? locale }))}
            onChange={(locale) => set("locale", locale)}
          />
        </div>
        <SelectField
          label="Default team"
          hint="Takes the conversation when the bot runs into a problem it cannot handle."
          value={settings.defaultTeam}
          options={teamOptions(teams, settings.defaultTeam)}
          onChange={(team) => set("defaultTeam", team)}
          problem={problem("settings.defaultTeam")}
        />
        <TextField
          label="When an agent hands the conversation back to the bot, say"
          hint="Agents can rewrite it for one conversation. Empty: the default line of the flow's language."
          value={settings.handBackMessage ?? ""}
          placeholder={phrasesFor(settings.locale).handBack}
          maxLength={300}
          onChange={(next) => set("handBackMessage", next.trim() ? next : undefined)}
        />
        <FlowBrandingFields branding={settings.branding} onChange={(branding) => set("branding", branding)} />

        <fieldset className="trigger-group">
          <legend>Checked on every customer message</legend>
          <div className="trigger">
            <ToggleField label="Hand off when the customer asks for a person" hint="“agent”, “human”, “talk to someone”… in every supported language." checked={humanRequest.enabled} onChange={(enabled) => trigger("humanRequest", { enabled })} />
            {humanRequest.enabled ? (
              <div className="grid-2">{target("humanRequest")}</div>
            ) : null}
          </div>
          <div className="trigger">
            <ToggleField label="Hand off when the bot keeps failing" hint="Counts “Not sure”, “Failed”, “No answer found” and “Not helpful” outcomes." checked={repeatedFailure.enabled} onChange={(enabled) => trigger("repeatedFailure", { enabled })} />
            {repeatedFailure.enabled ? (
              <div className="grid-3">
                <SelectField label="When it fails" value={String(repeatedFailure.limit)} options={LIMITS} onChange={(limit) => trigger("repeatedFailure", { limit: Number(limit) })} />
                {target("repeatedFailure")}
              </div>
            ) : null}
          </div>
          <div className="trigger">
            <ToggleField label="Hand off sensitive conversations" hint="Any of the words below, or a strongly negative tone." checked={sensitive.enabled} onChange={(enabled) => trigger("sensitive", { enabled })} />
            {sensitive.enabled ? (
              <>
                <LinesField label="Sensitive words and phrases (one per line)" values={sensitive.terms} onChange={(terms) => trigger("sensitive", { terms: terms.map((term) => term.slice(0, 100)) })} rows={4} />
                <div className="grid-2">{target("sensitive")}</div>
              </>
            ) : null}
          </div>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </form>
    </Dialog>
  );
}
