import { record, type FlowContext, type FieldValue } from "../shared/context";
import { fillTemplate } from "../shared/template";
import type { BehaviourArgs, KindBehaviour } from "../types";
import { evaluateExpression, parseExpression } from "./expression";
import type { SetData } from "./schema";

function compute(data: SetData, fields: Record<string, FieldValue>): { ok: true; value: FieldValue } | { ok: false; error: string } {
  if (data.mode === "text") return { ok: true, value: fillTemplate(data.value, fields) };
  const parsed = parseExpression(data.value);
  return parsed.ok ? evaluateExpression(parsed.expression, fields) : parsed;
}

export const setBehaviour = {
  actions: {
    // A calculation that cannot be computed (e.g. text where a number is needed) leaves the field
    // as it was and records why: the conversation goes on, the preview and the events show it.
    "set.assign": ({ context, params }: BehaviourArgs<SetData & { nodeId: string }>): Partial<FlowContext> => {
      const result = compute(params, context.fields);
      if (!result.ok) return record(context, { type: "field.setFailed", nodeId: params.nodeId, payload: { field: params.field, error: result.error } });
      return {
        fields: { ...context.fields, [params.field]: result.value },
        ...record(context, { type: "field.captured", nodeId: params.nodeId, payload: { field: params.field, value: result.value, source: "set" } }),
      };
    },
  },
} satisfies KindBehaviour;
