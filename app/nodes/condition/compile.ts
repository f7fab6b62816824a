import { checkPattern } from "../shared/pattern";
import type { CompileContext, NodeIssue, StateConfig } from "../types";
import type { ConditionData } from "./schema";

export function compileCondition(node: { id: string; data: ConditionData }, ctx: CompileContext): StateConfig {
  const { field, operator, value } = node.data;
  return {
    always: [
      { guard: { type: "condition.holds", params: { field, operator, value } }, target: ctx.out("true") },
      { target: ctx.out("false") },
    ],
  };
}

export function diagnoseCondition(data: ConditionData): NodeIssue[] {
  if (data.operator === "matches") {
    const problem = checkPattern(String(data.value));
    if (problem) return [{ severity: "error", code: "invalid-pattern", field: "value", message: `This pattern is not valid: ${problem}` }];
  }
  if ((data.operator === "gt" || data.operator === "lt") && String(data.value).trim() === "") {
    return [{ severity: "error", code: "missing-value", field: "value", message: "Enter the number or date to compare with." }];
  }
  return [];
}
