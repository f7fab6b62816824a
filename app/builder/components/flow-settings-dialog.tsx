/**
 * Flow settings: name, language, default team, and the global handoff triggers that SPEC.md
 * defines (a request for a person, repeated failure, sensitive content), each with its team and
 * priority. Changes apply to the draft as they are made (and can be undone).
 */
import { useState } from "react";
import { Dialog } from "~/components/dialog";
import type { FlowSettings } from "~/flow/document";
import { LinesField, SelectField, TextField, ToggleField, type Option } from "~/nodes/shared/editor/fields";
import { SUPPORTED_LOCALES } from "~/nodes/shared/phrases";
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

export function FlowSettingsDialog({ open, onClose, name, settings, teams, problem, onRename, onChange }: Props) {
  const [typedName, setTypedName] = useState(name);
  const nameProblem: FieldProblem | undefined = typedName.trim() ? undefined : { severity: "error", message: "Give the flow a name." };
  const { humanRequest, repeatedFailure, sensitive } = settings;
  const set = <K extends keyof FlowSettings>(key: K, value: FlowSettings[K]) => onChange({ ...settings, [key]: value });
  const trigger = <K extends "humanRequest" | "repeatedFailure" | "sensitive">(key: K, patch: Partial<FlowSettings[K]>) => set(key, { ...settings[key], ...patch });
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

        <fieldset className="trigger-group">
          <legend>Checked on every customer message</legend>
          <div className="trigger">
            <ToggleField label="Hand off when the customer asks for a person" hint="“agent”, “human”, “talk to someone”… in every supported language." checked={humanRequest.enabled} onChange={(enabled) => trigger("humanRequest", { enabled })} />
            {humanRequest.enabled ? (
              <div className="grid-2">
                <SelectField label="Team" value={humanRequest.team} options={teamOptions(teams, humanRequest.team)} onChange={(team) => trigger("humanRequest", { team })} problem={problem("settings.humanRequest.team")} />
                <SelectField label="Priority" value={humanRequest.priority} options={PRIORITIES} onChange={(priority) => trigger("humanRequest", { priority })} />
              </div>
            ) : null}
          </div>
          <div className="trigger">
            <ToggleField label="Hand off when the bot keeps failing" hint="Counts “Not sure”, “Failed”, “No answer found” and “Not helpful” outcomes." checked={repeatedFailure.enabled} onChange={(enabled) => trigger("repeatedFailure", { enabled })} />
            {repeatedFailure.enabled ? (
              <div className="grid-3">
                <SelectField label="When it fails" value={String(repeatedFailure.limit)} options={LIMITS} onChange={(limit) => trigger("repeatedFailure", { limit: Number(limit) })} />
                <SelectField label="Team" value={repeatedFailure.team} options={teamOptions(teams, repeatedFailure.team)} onChange={(team) => trigger("repeatedFailure", { team })} problem={problem("settings.repeatedFailure.team")} />
                <SelectField label="Priority" value={repeatedFailure.priority} options={PRIORITIES} onChange={(priority) => trigger("repeatedFailure", { priority })} />
              </div>
            ) : null}
          </div>
          <div className="trigger">
            <ToggleField label="Hand off sensitive conversations" hint="Any of the words below, or a strongly negative tone." checked={sensitive.enabled} onChange={(enabled) => trigger("sensitive", { enabled })} />
            {sensitive.enabled ? (
              <>
                <LinesField label="Sensitive words and phrases (one per line)" values={sensitive.terms} onChange={(terms) => trigger("sensitive", { terms: terms.map((term) => term.slice(0, 100)) })} rows={4} />
                <div className="grid-2">
                  <SelectField label="Team" value={sensitive.team} options={teamOptions(teams, sensitive.team)} onChange={(team) => trigger("sensitive", { team })} problem={problem("settings.sensitive.team")} />
                  <SelectField label="Priority" value={sensitive.priority} options={PRIORITIES} onChange={(priority) => trigger("sensitive", { priority })} />
                </div>
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
