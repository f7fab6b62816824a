import type { ConditionData, ConditionOperator } from "./schema";

const CONDITION_WORDS: Record<ConditionOperator, [string, string]> = {
  equals: ["is", "is not"],
  contains: ["contains", "does not contain"],
  matches: ["matches", "does not match"],
  exists: ["is known", "is not known"],
  gt: [">", "≤"],
  lt: ["<", "≥"],
};

/** "order_status is not “shipped”": the branch a condition took, when it led to a handoff. */
export function describeConditionOutcome(data: ConditionData, handle: string): string {
  const [yes, no] = CONDITION_WORDS[data.operator];
  const value = data.operator === "exists" ? "" : ` “${String(data.value)}”`;
  return `${data.field} ${handle === "true" ? yes : no}${value}`;
}
