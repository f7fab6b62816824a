import { defineNodeKind } from "../types";
import { GateIcon, GateSettings, GateSummary } from "./editor";
import { gateBehaviour } from "./behaviour";
import { compileGate } from "./compile";
import { GateDataSchema, gateHandles } from "./schema";
import { percent } from "../shared/percent";

export const kind = defineNodeKind({
  label: "Check confidence",
  description: "Continues only when the bot was confident enough about the intent or the answer.",
  icon: "🚦",
  color: "#f59e0b",
  paletteOrder: 70,
  editor: { Icon: GateIcon, Summary: GateSummary, Settings: GateSettings },
  schema: GateDataSchema,
  createData: () => GateDataSchema.parse({}),
  handles: gateHandles,
  example: () => GateDataSchema.parse({}),
  waitsForCustomer: false,
  compile: compileGate,
  behaviour: gateBehaviour,
  describeHandoffCause: (data, handle, state) => (handle === "notConfident" ? `${percent(state.lastConfidence[data.score])} < ${percent(data.threshold)}` : null),
});
