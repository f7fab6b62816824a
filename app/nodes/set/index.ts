import { defineNodeKind } from "../types";
import { SetIcon, SetSettings, SetSummary } from "./editor";
import { setBehaviour } from "./behaviour";
import { compileSet, diagnoseSet, listSetReads } from "./compile";
import { SetDataSchema, setHandles } from "./schema";

export const kind = defineNodeKind({
  label: "Set a field",
  description: "Saves a value in a field: text with details, or a small calculation like attempts + 1.",
  icon: "🧮",
  color: "#737373",
  paletteOrder: 100,
  editor: { Icon: SetIcon, Summary: SetSummary, Settings: SetSettings },
  schema: SetDataSchema,
  createData: () => SetDataSchema.parse({}),
  handles: setHandles,
  example: () => SetDataSchema.parse({ field: "visits", mode: "expression", value: "1 + 1" }),
  waitsForCustomer: false,
  compile: compileSet,
  diagnose: diagnoseSet,
  fieldsCaptured: (data) => [data.field],
  fieldsRead: listSetReads,
  behaviour: setBehaviour,
});
