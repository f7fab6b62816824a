import { record, say, type FlowContext, type HandoffRequest } from "./context";
import { phrasesFor } from "./phrases";
import { fillTemplate } from "./template";

/** The one way into a handoff, shared by the escalate node and the global triggers. */
export function requestHandoff(
  context: FlowContext,
  request: HandoffRequest,
  options: { message?: string; firedTrigger?: boolean; locale?: string } = {},
): Partial<FlowContext> {
  const text = options.message?.trim() ? fillTemplate(options.message, context.fields) : phrasesFor(options.locale).handoff(request.team);
  const payload = { team: request.team, priority: request.priority, reason: request.reason, trigger: request.trigger };
  const events = options.firedTrigger
    ? [{ type: "trigger.fired", nodeId: request.nodeId, payload: { ...payload } }, { type: "handoff", nodeId: request.nodeId, payload }]
    : [{ type: "handoff", nodeId: request.nodeId, payload }];
  return {
    handoff: request,
    ...say(context, { role: "bot", text, nodeId: request.nodeId }),
    ...record(context, ...events),
  };
}
