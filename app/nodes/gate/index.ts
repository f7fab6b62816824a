import { defineNodeKind } from "../types";
import { gateBehaviour } from "./behaviour";
import { compileGate } from "./compile";
import { GateDataSchema, gateHandles } from "./schema";

export const gateKind = defineNodeKind({
  label: "Check confidence",
  description: "Continues only when the bot was confident enough about the intent or the answer.",
  icon: "🚦",
  schema: GateDataSchema,
  createData: () => GateDataSchema.parse({}),
  handles: gateHandles,
  waitsForCustomer: false,
  compile: compileGate,
  behaviour: gateBehaviour,
});
