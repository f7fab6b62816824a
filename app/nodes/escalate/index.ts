import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { escalateBehaviour } from "./behaviour";
import { compileEscalate, diagnoseEscalate } from "./compile";
import { EscalateDataSchema } from "./schema";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

export const escalateKind = defineNodeKind({
  label: "Hand off to a team",
  description: "Passes the conversation to a team's inbox with everything the bot learned.",
  icon: "🙋",
  schema: EscalateDataSchema,
  role: "handoff",
  createData: () => EscalateDataSchema.parse({ team: DEFAULT_TEAM }),
  handles: () => [],
  waitsForCustomer: false,
  compile: compileEscalate,
  diagnose: diagnoseEscalate,
  teams: (data) => (data.team.trim() ? [data.team] : []),
  fieldsRead: (data) => listTemplateReads("message", data.message),
  behaviour: escalateBehaviour,
});
