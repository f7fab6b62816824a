import { listTemplateReads } from "../shared/template";
import { defineNodeKind } from "../types";
import { ChoiceIcon, ChoiceSettings, ChoiceSummary } from "./editor";
import { choiceBehaviour } from "./behaviour";
import { compileChoice, diagnoseChoice } from "./compile";
import { ChoiceDataSchema, choiceHandles } from "./schema";
import { VAGUE_LINES } from "../shared/demo";

export const kind = defineNodeKind({
  label: "Offer choices",
  description: "Asks a question with 2–10 buttons; each button is its own path, typed answers count too.",
  icon: "🔘",
  color: "#06b6d4",
  paletteOrder: 50,
  editor: { Icon: ChoiceIcon, Summary: ChoiceSummary, Settings: ChoiceSettings },
  schema: ChoiceDataSchema,
  createData: () => ChoiceDataSchema.parse({}),
  handles: choiceHandles,
  example: () => ChoiceDataSchema.parse({ question: "Did that answer your question?" }),
  waitsForCustomer: true,
  compile: compileChoice,
  diagnose: diagnoseChoice,
  fieldsCaptured: (data) => (data.field ? [data.field] : []),
  fieldsRead: (data) => listTemplateReads("question", data.question),
  asksQuestions: true,
  behaviour: choiceBehaviour,
  describe: (data) => data.question,
  demo: {
    reply: ({ data, random }) => (random.chance(0.93) && data.options.length > 0 ? random.pick(data.options).label : random.pick(VAGUE_LINES)),
  },
});
