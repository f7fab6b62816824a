import { defineNodeKind } from "../types";
import { setBehaviour } from "./behaviour";
import { compileSet, diagnoseSet, listSetReads } from "./compile";
import { SetDataSchema, setHandles } from "./schema";

export const setKind = defineNodeKind({
  label: "Set a field",
  description: "Saves a value in a field: text with details, or a small calculation like attempts + 1.",
  icon: "🧮",
  schema: SetDataSchema,
  createData: () => SetDataSchema.parse({}),
  handles: setHandles,
  waitsForCustomer: false,
  compile: compileSet,
  diagnose: diagnoseSet,
  fieldsCaptured: (data) => [data.field],
  fieldsRead: listSetReads,
  behaviour: setBehaviour,
});
