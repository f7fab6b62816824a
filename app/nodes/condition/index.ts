import { defineNodeKind } from "../types";
import { ConditionIcon, ConditionSettings, ConditionSummary } from "./editor";
import { conditionBehaviour } from "./behaviour";
import { compileCondition, diagnoseCondition } from "./compile";
import { ConditionDataSchema, conditionHandles } from "./schema";
import { describeConditionOutcome } from "./cause";

export const kind = defineNodeKind({
  label: "Check a field",
  description: "Takes one path or the other depending on a detail the customer gave.",
  icon: "🔀",
  color: "#f97316",
  paletteOrder: 80,
  editor: { Icon: ConditionIcon, Summary: ConditionSummary, Settings: ConditionSettings },
  schema: ConditionDataSchema,
  createData: () => ConditionDataSchema.parse({}),
  handles: conditionHandles,
  example: () => ConditionDataSchema.parse({ field: "language", operator: "exists" }),
  waitsForCustomer: false,
  compile: compileCondition,
  diagnose: diagnoseCondition,
  fieldsRead: (data) => [{ name: data.field, field: "field" }],
  behaviour: conditionBehaviour,
  describeHandoffCause: describeConditionOutcome,
});
