import type { CompileContext, StateConfig } from "../types";
import type { GateData } from "./schema";

export function compileGate(node: { id: string; data: GateData }, ctx: CompileContext): StateConfig {
  return {
    always: [
      { guard: { type: "gate.isConfident", params: { score: node.data.score, threshold: node.data.threshold } }, target: ctx.out("confident") },
      { target: ctx.out("notConfident") },
    ],
  };
}
