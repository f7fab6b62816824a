import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { choiceBehaviour } from "./behaviour";
import { compileChoice, diagnoseChoice } from "./compile";
import { ChoiceDataSchema, choiceHandles } from "./schema";

export const choiceKind = defineNodeKind({
  label: "Offer choices",
  description: "Asks a question with 2–10 buttons; each button is its own path, typed answers count too.",
  icon: "🔘",
  schema: ChoiceDataSchema,
  createData: () => ChoiceDataSchema.parse({}),
  handles: choiceHandles,
  waitsForCustomer: true,
  compile: compileChoice,
  diagnose: diagnoseChoice,
  fieldsCaptured: (data) => (data.field ? [data.field] : []),
  fieldsRead: (data) => listTemplateReads("question", data.question),
  asksQuestions: true,
  behaviour: choiceBehaviour,
});
