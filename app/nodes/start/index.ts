import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { compileStart } from "./compile";
import { StartDataSchema, startHandles } from "./schema";

export const startKind = defineNodeKind({
  label: "Start",
  description: "Where every conversation begins: greets the customer.",
  icon: "🚀",
  schema: StartDataSchema,
  role: "entry",
  createData: () => StartDataSchema.parse({}),
  handles: startHandles,
  waitsForCustomer: false,
  compile: compileStart,
  diagnose: (data) =>
    data.greeting.trim() ? [] : [{ severity: "warning", code: "empty-message", field: "greeting", message: "The greeting is empty: the bot starts without saying hello." }],
  fieldsRead: (data) => listTemplateReads("greeting", data.greeting),
});
