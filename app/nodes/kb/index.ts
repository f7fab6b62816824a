import { defineNodeKind } from "../types";
import { KbIcon, KbSettings, KbSummary } from "./editor";
import { kbBehaviour } from "./behaviour";
import { compileKb } from "./compile";
import { KbDataSchema, kbHandles } from "./schema";
import { percent } from "../shared/percent";
import { kbDemo } from "./demo";

export const kind = defineNodeKind({
  label: "Answer from knowledge base",
  description: "Answers the customer's question with a help article and shows the source.",
  icon: "📚",
  color: "#14b8a6",
  paletteOrder: 60,
  editor: { Icon: KbIcon, Summary: KbSummary, Settings: KbSettings },
  schema: KbDataSchema,
  createData: () => KbDataSchema.parse({}),
  handles: kbHandles,
  example: () => KbDataSchema.parse({}),
  // Each question is answered once; reached again, the node asks for a new question and waits.
  waitsForCustomer: true,
  compile: compileKb,
  behaviour: kbBehaviour,
  describeHandoffCause: (data, handle) => {
    if (handle === "notFound") return `no article above ${percent(data.minScore)}`;
    if (handle === "notHelpful") return "the customer said the answer did not help";
    return null;
  },
  knowledgeScope: (data) => ({ tags: data.tags, minScore: data.minScore, offerSuggestions: data.offerSuggestions }),
  demo: kbDemo,
});
