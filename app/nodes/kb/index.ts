import { defineNodeKind } from "../types";
import { kbBehaviour } from "./behaviour";
import { compileKb } from "./compile";
import { KbDataSchema, kbHandles } from "./schema";

export const kbKind = defineNodeKind({
  label: "Answer from knowledge base",
  description: "Answers the customer's question with a help article and shows the source.",
  icon: "📚",
  schema: KbDataSchema,
  createData: () => KbDataSchema.parse({}),
  handles: kbHandles,
  // Each question is answered once; reached again, the node asks for a new question and waits.
  waitsForCustomer: true,
  compile: compileKb,
  behaviour: kbBehaviour,
});
