import { defineNodeKind } from "../types";
import { conditionBehaviour } from "./behaviour";
import { compileCondition, diagnoseCondition } from "./compile";
import { ConditionDataSchema, conditionHandles } from "./schema";

export const conditionKind = defineNodeKind({
  label: "Check a field",
  description: "Takes one path or the other depending on a detail the customer gave.",
  icon: "🔀",
  schema: ConditionDataSchema,
  createData: () => ConditionDataSchema.parse({}),
  handles: conditionHandles,
  waitsForCustomer: false,
  compile: compileCondition,
  diagnose: diagnoseCondition,
  fieldsRead: (data) => [{ name: data.field, field: "field" }],
  behaviour: conditionBehaviour,
});
