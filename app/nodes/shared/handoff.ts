import { record, say, type FlowContext, type HandoffRequest } from "./context";
import { fillTemplate } from "./template";

/**
 * The one way into a handoff, shared by the escalate node and the global triggers. The flow
 * says the escalate node's own message when its author wrote one (`announced`); otherwise the
 * runtime tells the customer, as ONE notice naming the team by its display name, which only the
 * runtime knows.
 */
export function requestHandoff(
  context: FlowContext,
  asked: HandoffRequest,
  options: { message?: string; firedTrigger?: boolean } = {},
): Partial<FlowContext> {
  const text = options.message?.trim() ? fillTemplate(options.message, context.fields) : "";
  // The agent must not have to guess why the bot gave up on a lookup.
  const request = context.apiFailure ? { ...asked, reason: `${asked.reason} (after an API call failed: ${context.apiFailure.summary})` } : asked;
  const payload = { team: request.team, priority: request.priority, reason: request.reason, trigger: request.trigger };
  const events = options.firedTrigger
    ? [{ type: "trigger.fired", nodeId: request.nodeId, payload: { ...payload } }, { type: "handoff", nodeId: request.nodeId, payload }]
    : [{ type: "handoff", nodeId: request.nodeId, payload }];
  return {
    apiFailure: null,
    handoff: text ? { ...request, announced: true } : request,
    ...(text ? say(context, { role: "bot", text, nodeId: request.nodeId }) : {}),
    ...record(context, ...events),
  };
}
