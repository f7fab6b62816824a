import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { StartIcon, StartSettings, StartSummary } from "./editor";
import { compileStart } from "./compile";
import { StartDataSchema, startHandles } from "./schema";

export const kind = defineNodeKind({
  label: "Start",
  description: "Where every conversation begins: greets the customer.",
  icon: "🚀",
  color: "#6366f1",
  paletteOrder: 10,
  editor: { Icon: StartIcon, Summary: StartSummary, Settings: StartSettings },
  schema: StartDataSchema,
  role: "entry",
  createData: () => StartDataSchema.parse({}),
  handles: startHandles,
  example: () => ({ greeting: "Hi! How can I help you today?" }),
  waitsForCustomer: false,
  compile: compileStart,
  diagnose: (data) =>
    data.greeting.trim() ? [] : [{ severity: "warning", code: "empty-message", field: "greeting", message: "The greeting is empty: the bot starts without saying hello." }],
  fieldsRead: (data) => listTemplateReads("greeting", data.greeting),
  describe: (data) => data.greeting,
});
