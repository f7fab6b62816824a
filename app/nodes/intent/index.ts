import { defineNodeKind } from "../types";
import { intentBehaviour } from "./behaviour";
import { compileIntent, diagnoseIntent } from "./compile";
import { IntentDataSchema, intentHandles } from "./schema";

export const intentKind = defineNodeKind({
  label: "Detect intent",
  description: "Waits for the customer's message and works out what they want.",
  icon: "🎯",
  schema: IntentDataSchema,
  createData: () => IntentDataSchema.parse({}),
  handles: intentHandles,
  waitsForCustomer: true,
  compile: compileIntent,
  diagnose: diagnoseIntent,
  behaviour: intentBehaviour,
});
