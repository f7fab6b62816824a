import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { endBehaviour } from "./behaviour";
import { compileEnd, diagnoseEnd } from "./compile";
import { EndDataSchema } from "./schema";

export const endKind = defineNodeKind({
  label: "End conversation",
  description: "Closes the conversation and asks the customer to rate it.",
  icon: "🏁",
  schema: EndDataSchema,
  createData: () => EndDataSchema.parse({}),
  handles: () => [],
  waitsForCustomer: false,
  compile: compileEnd,
  diagnose: diagnoseEnd,
  fieldsRead: (data) => listTemplateReads("text", data.text),
  behaviour: endBehaviour,
});
