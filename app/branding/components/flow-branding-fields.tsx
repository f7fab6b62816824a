/**
 * The flow's own branding in Flow settings: each field, when filled, replaces the workspace's
 * (Chat branding page) for this flow's chat and widget. Published with the flow like its other settings.
 */
import { useState } from "react";
import type { FlowBranding } from "~/flow/document";
import { TextField } from "~/nodes/shared/editor/fields";
import { accentColours, normaliseHex } from "../contrast";
import { ContrastNote } from "./contrast-note";

type Props = { branding: FlowBranding | undefined; onChange: (branding: FlowBranding | undefined) => void };

export function FlowBrandingFields({ branding = {}, onChange }: Props) {
  const [colour, setColour] = useState(branding.accentColor ?? "");
  const set = (key: keyof FlowBranding, value: string | undefined) => {
    const next: FlowBranding = { ...branding, [key]: value };
    if (value === undefined) delete next[key];
    onChange(Object.keys(next).length ? next : undefined);
  };
  const text = (key: Exclude<keyof FlowBranding, "accentColor">) => (value: string) => set(key, value.trim() ? value : undefined);
  const colourProblem = colour.trim() && !normaliseHex(colour) ? { severity: "error" as const, message: "Use a colour like #4f46e5, or leave it empty." } : undefined;
  return (
    <fieldset className="trigger-group">
      <legend>Branding of this flow's chat</legend>
      <p className="hint">Empty fields use the workspace's branding (Chat branding in the menu). The flow's name above is never shown to customers.</p>
      <div className="grid-2">
        <TextField label="Chat title" value={branding.chatTitle ?? ""} maxLength={60} onChange={text("chatTitle")} />
        <TextField label="Bot name" value={branding.botName ?? ""} maxLength={40} onChange={text("botName")} />
      </div>
      <TextField label="Welcome line" value={branding.welcomeLine ?? ""} maxLength={200} onChange={text("welcomeLine")} />
      <TextField
        label="Accent colour"
        value={colour}
        placeholder="#4f46e5"
        maxLength={7}
        problem={colourProblem}
        onChange={(value) => {
          setColour(value);
          const hex = normaliseHex(value);
          if (hex) set("accentColor", hex);
          else if (!value.trim()) set("accentColor", undefined);
        }}
      />
      {normaliseHex(colour) ? <ContrastNote chosen={colour} colours={accentColours(colour)} /> : null}
    </fieldset>
  );
}
