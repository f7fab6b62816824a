import type { CompileContext, NodeIssue, StateConfig } from "../types";
import type { EscalateData } from "./schema";

export function compileEscalate(node: { id: string; data: EscalateData }, ctx: CompileContext): StateConfig {
  const { priority, reason, message } = node.data;
  // A draft without a team still hands off somewhere sensible; publishing requires a team.
  const team = node.data.team.trim() || ctx.defaultTeam;
  return {
    entry: [{ type: "escalate.handOff", params: { nodeId: node.id, team, priority, reason, message } }],
    always: [{ target: ctx.handoffTarget }],
  };
}

export function diagnoseEscalate(data: EscalateData): NodeIssue[] {
  if (data.team.trim()) return [];
  return [{ severity: "error", code: "missing-team", field: "team", message: "Choose the team that takes over the conversation." }];
}
