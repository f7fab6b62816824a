import { defineNodeKind } from "../types";
import { IntentIcon, IntentSettings, IntentSummary } from "./editor";
import { intentBehaviour } from "./behaviour";
import { compileIntent, diagnoseIntent } from "./compile";
import { IntentDataSchema, intentHandles } from "./schema";
import { percent } from "../shared/percent";
import { intentModelOf } from "./compile";
import { intentDemo } from "./demo";
import { UNSURE } from "./schema";
import { declinedOffer } from "./offer";

export const kind = defineNodeKind({
  label: "Detect intent",
  description: "Waits for the customer's message and works out what they want.",
  icon: "🎯",
  color: "#8b5cf6",
  paletteOrder: 30,
  editor: { Icon: IntentIcon, Summary: IntentSummary, Settings: IntentSettings },
  schema: IntentDataSchema,
  createData: () => IntentDataSchema.parse({ offerChoices: true }),
  handles: intentHandles,
  example: () =>
    IntentDataSchema.parse({
      intents: [
        { name: "order_status", examples: ["Where is my order?", "track my package", "my parcel has not arrived", "when will my order arrive", "order status please"] },
        { name: "returns", examples: ["I want to return an item", "how do I send this back", "return my shoes", "start a return", "can I return a gift"] },
      ],
      offerChoices: true,
    }),
  waitsForCustomer: true,
  compile: compileIntent,
  diagnose: diagnoseIntent,
  behaviour: intentBehaviour,
  describeHandoffCause: (data, handle, state) => {
    if (handle !== UNSURE) return null;
    const notSure = `not sure (best ${percent(state.lastConfidence.intent)} < ${percent(data.threshold)})`;
    const declined = declinedOffer(state.events ?? []);
    return declined ? `declined: ${declined.join(", ")} — ${notSure}` : notSure;
  },
  intentModel: intentModelOf,
  demo: intentDemo,
});
