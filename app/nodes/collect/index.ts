import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { collectBehaviour } from "./behaviour";
import { compileCollect, diagnoseCollect } from "./compile";
import { CollectDataSchema, collectHandles } from "./schema";

export const collectKind = defineNodeKind({
  label: "Ask for information",
  description: "Asks for a detail (email, order number…) and checks the answer; skips the question if already given.",
  icon: "📝",
  schema: CollectDataSchema,
  createData: () => CollectDataSchema.parse({}),
  handles: collectHandles,
  // Skips its question when the field is known, so a loop through it can spin without waiting.
  waitsForCustomer: false,
  compile: compileCollect,
  diagnose: diagnoseCollect,
  fieldsCaptured: (data) => [data.field],
  asksQuestions: true,
  fieldsRead: (data) => listTemplateReads("question", data.question),
  behaviour: collectBehaviour,
});
