import type { CompileContext, StateConfig } from "../types";
import type { StartData } from "./schema";

export function compileStart(node: { id: string; data: StartData }, ctx: CompileContext): StateConfig {
  return {
    entry: [{ type: "bot.say", params: { nodeId: node.id, text: node.data.greeting } }],
    always: [{ target: ctx.out("next") }],
  };
}
