import { listTemplateFields } from "../shared/template";
import type { CompileContext, NodeIssue, StateConfig } from "../types";
import { listExpressionFields, parseExpression } from "./expression";
import type { SetData } from "./schema";

export function compileSet(node: { id: string; data: SetData }, ctx: CompileContext): StateConfig {
  const { field, mode, value } = node.data;
  return {
    entry: [{ type: "set.assign", params: { nodeId: node.id, field, mode, value } }],
    always: [{ target: ctx.out("next") }],
  };
}

export function listSetReads(data: SetData): Array<{ name: string; field: string }> {
  if (data.mode === "text") return listTemplateFields(data.value).map((name) => ({ name, field: "value" }));
  const parsed = parseExpression(data.value);
  return parsed.ok ? [...new Set(listExpressionFields(parsed.expression))].map((name) => ({ name, field: "value" })) : [];
}

export function diagnoseSet(data: SetData): NodeIssue[] {
  if (data.mode === "text") return [];
  const parsed = parseExpression(data.value);
  return parsed.ok ? [] : [{ severity: "error", code: "invalid-expression", field: "value", message: `${parsed.error}.` }];
}
