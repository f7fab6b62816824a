import type { CompileContext, NodeIssue, StateConfig } from "../types";
import type { MessageData } from "./schema";

export function compileMessage(node: { id: string; data: MessageData }, ctx: CompileContext): StateConfig {
  return {
    entry: [{ type: "bot.say", params: { nodeId: node.id, text: node.data.text } }],
    always: [{ target: ctx.out("next") }],
  };
}

export function diagnoseMessage(data: MessageData): NodeIssue[] {
  if (data.text.trim()) return [];
  return [{ severity: "error", code: "empty-message", field: "text", message: "This message is empty: write what the bot should say." }];
}
