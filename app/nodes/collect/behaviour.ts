import { record, type FlowContext, type FieldValue } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { extractField } from "./extract";
import type { FieldSpec } from "./schema";
import { buttonsFor } from "./compile";
import { validateAnswer } from "./validate";
import { phrasesFor } from "../shared/phrases";

type SpecParams = FieldSpec & { nodeId: string; locale?: string };

function validate(text: string, params: SpecParams) {
  return validateAnswer(text, params, new Date(), phrasesFor(params.locale));
}

function eventText(event: BehaviourEvent): string {
  return typeof event.text === "string" ? event.text : "";
}

function knownValue(context: FlowContext, spec: FieldSpec): { value: FieldValue; extracted: boolean } | null {
  const existing = context.fields[spec.field];
  if (existing !== undefined && String(existing).trim() !== "") return { value: existing, extracted: false };
  const extracted = extractField(context.customerMessages, spec);
  return extracted === null ? null : { value: extracted, extracted: true };
}

function capture(context: FlowContext, nodeId: string, field: string, value: FieldValue, source: "asked" | "extracted") {
  return {
    fields: { ...context.fields, [field]: value },
    ...record(context, { type: "field.captured", nodeId, payload: { field, value, source } }),
  };
}

export const collectBehaviour = {
  guards: {
    "collect.isKnown": ({ context, params }: BehaviourArgs<SpecParams>) => knownValue(context, params) !== null,
    "collect.isValid": ({ event, params }: BehaviourArgs<SpecParams>) => validate(eventText(event), params).ok,
    "collect.canRetry": ({ context, params }: BehaviourArgs<{ nodeId: string; retries: number }>) =>
      (context.attempts[params.nodeId] ?? 0) < params.retries,
  },
  actions: {
    "collect.reset": ({ context, params }: BehaviourArgs<{ nodeId: string }>) => ({
      attempts: { ...context.attempts, [params.nodeId]: 0 },
    }),
    // A value already in `fields` was captured before (and recorded then): no second event.
    "collect.captureKnown": ({ context, params }: BehaviourArgs<SpecParams>) => {
      const known = knownValue(context, params);
      if (!known || !known.extracted) return {};
      return capture(context, params.nodeId, params.field, known.value, "extracted");
    },
    // The answer is consumed: a later KB node must not answer it, nor extract other fields from it.
    "collect.captureAnswer": ({ context, event, params }: BehaviourArgs<SpecParams>) => {
      const result = validate(eventText(event), params);
      if (!result.ok) return {};
      return {
        ...capture(context, params.nodeId, params.field, result.value, "asked"),
        pendingQuestion: null,
        ...(context.openQuestion === eventText(event) ? { openQuestion: null } : {}),
        customerMessages: context.customerMessages.slice(0, -1),
      };
    },
    "collect.reject": ({ context, event, params }: BehaviourArgs<SpecParams & { hint: boolean }>) => {
      const attempt = (context.attempts[params.nodeId] ?? 0) + 1;
      const result = validate(eventText(event), params);
      const buttons = buttonsFor(params.type, params.choices, phrasesFor(params.locale));
      const choices = buttons ? { choices: buttons } : {};
      const hint = params.hint && !result.ok ? [{ role: "bot" as const, text: result.hint, nodeId: params.nodeId, ...choices }] : [];
      return {
        attempts: { ...context.attempts, [params.nodeId]: attempt },
        pendingQuestion: null,
        outbox: [...context.outbox, ...hint],
        ...record(context, { type: "field.invalid", nodeId: params.nodeId, payload: { field: params.field, attempt } }),
      };
    },
  },
} satisfies KindBehaviour;
