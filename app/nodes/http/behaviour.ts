import { record, type FlowContext, type FlowEvent } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { describeHttpCall, readHttpCallResult } from "./result";
import type { HttpMethod } from "./schema";

type RecordParams = { nodeId: string; method: HttpMethod };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === "string" ? error : "the call could not be made";
}

/** The actor's done event carries `output`; an error event (the caller itself threw) `error`. */
function resultOf(event: BehaviourEvent, method: HttpMethod) {
  return readHttpCallResult(event.output, { method, detail: errorText(event.error) });
}

export const httpBehaviour = {
  guards: {
    "http.succeeded": ({ event, params }: BehaviourArgs<RecordParams>) => resultOf(event, params.method).ok,
  },
  actions: {
    // Headers are never recorded: they may carry a credential. The URL cannot (see request.ts).
    "http.record": ({ context, event, params }: BehaviourArgs<RecordParams>): Partial<FlowContext> => {
      const result = resultOf(event, params.method);
      const { nodeId } = params;
      const called: FlowEvent = {
        type: "http.called",
        nodeId,
        payload: { method: result.method, url: result.url, status: result.status, ok: result.ok, error: result.error, detail: result.detail, durationMs: result.durationMs, fields: result.fields },
      };
      const captured: FlowEvent[] = Object.entries(result.fields).map(([field, value]) => ({ type: "field.captured", nodeId, payload: { field, value, source: "api" } }));
      return {
        fields: { ...context.fields, ...result.fields },
        apiFailure: result.ok ? null : { nodeId, summary: describeHttpCall(result) },
        ...record(context, called, ...captured),
      };
    },
  },
} satisfies KindBehaviour;
