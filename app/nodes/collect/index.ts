import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { CollectIcon, CollectSettings, CollectSummary } from "./editor";
import { collectBehaviour } from "./behaviour";
import { compileCollect, diagnoseCollect } from "./compile";
import { CollectDataSchema, collectHandles } from "./schema";
import { describeFieldToPeople } from "../shared/field-name";
import { collectDemo } from "./demo";

export const kind = defineNodeKind({
  label: "Ask for information",
  description: "Asks for a detail (email, order number…) and checks the answer; skips the question if already given.",
  icon: "📝",
  color: "#0ea5e9",
  paletteOrder: 40,
  editor: { Icon: CollectIcon, Summary: CollectSummary, Settings: CollectSettings },
  schema: CollectDataSchema,
  createData: () => CollectDataSchema.parse({}),
  handles: collectHandles,
  example: () => CollectDataSchema.parse({ field: "email", question: "What's your email address?", type: "email" }),
  // Skips its question when the field is known, so a loop through it can spin without waiting.
  waitsForCustomer: false,
  compile: compileCollect,
  diagnose: diagnoseCollect,
  fieldsCaptured: (data) => [data.field],
  asksQuestions: true,
  fieldsRead: (data) => listTemplateReads("question", data.question),
  behaviour: collectBehaviour,
  describe: (data) => data.question,
  describeHandoffCause: (data, handle) => (handle === "failed" ? `no valid ${describeFieldToPeople(data.field)} after ${data.retries + 1} ${data.retries === 0 ? "try" : "tries"}` : null),
  demo: collectDemo,
});
