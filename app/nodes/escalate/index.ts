import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { EscalateIcon, EscalateSettings, EscalateSummary } from "./editor";
import { escalateBehaviour } from "./behaviour";
import { compileEscalate, diagnoseEscalate } from "./compile";
import { EscalateDataSchema } from "./schema";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

export const kind = defineNodeKind({
  label: "Hand off to a team",
  description: "Passes the conversation to a team's inbox with everything the bot learned.",
  icon: "🙋",
  color: "#ef4444",
  paletteOrder: 120,
  editor: { Icon: EscalateIcon, Summary: EscalateSummary, Settings: EscalateSettings },
  schema: EscalateDataSchema,
  role: "handoff",
  createData: () => EscalateDataSchema.parse({ team: DEFAULT_TEAM }),
  handles: () => [],
  example: () => EscalateDataSchema.parse({ team: "support", reason: "The customer needs a person" }),
  waitsForCustomer: false,
  compile: compileEscalate,
  diagnose: diagnoseEscalate,
  teams: (data) => (data.team.trim() ? [data.team] : []),
  fieldsRead: (data) => listTemplateReads("message", data.message),
  behaviour: escalateBehaviour,
});
