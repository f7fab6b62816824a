import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { EndIcon, EndSettings, EndSummary } from "./editor";
import { endBehaviour } from "./behaviour";
import { compileEnd, diagnoseEnd } from "./compile";
import { EndDataSchema } from "./schema";

export const kind = defineNodeKind({
  label: "End conversation",
  description: "Closes the conversation and asks the customer to rate it.",
  icon: "🏁",
  color: "#475569",
  paletteOrder: 130,
  editor: { Icon: EndIcon, Summary: EndSummary, Settings: EndSettings },
  schema: EndDataSchema,
  createData: () => EndDataSchema.parse({}),
  handles: () => [],
  example: () => EndDataSchema.parse({}),
  waitsForCustomer: false,
  compile: compileEnd,
  diagnose: diagnoseEnd,
  fieldsRead: (data) => listTemplateReads("text", data.text),
  behaviour: endBehaviour,
  role: "exit",
  describe: (data) => data.text,
});
