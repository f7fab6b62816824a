import type { CompileContext, NodeIssue, StateConfig } from "../types";
import type { EndData } from "./schema";

export function compileEnd(node: { id: string; data: EndData }, ctx: CompileContext): StateConfig {
  return {
    entry: [{ type: "end.finish", params: { nodeId: node.id, text: node.data.text, csatQuestion: ctx.phrases.csatQuestion } }],
    always: [{ target: ctx.endedTarget }],
  };
}

export function diagnoseEnd(data: EndData): NodeIssue[] {
  if (data.text.trim()) return [];
  return [{ severity: "warning", code: "empty-message", field: "text", message: "The closing message is empty: the customer only sees the rating question." }];
}
