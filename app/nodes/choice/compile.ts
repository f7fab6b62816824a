import type { CompileContext, NodeIssue, StateConfig, TransitionConfig } from "../types";
import { MIN_OPTIONS, OTHER, type ChoiceData } from "./schema";

export function compileChoice(node: { id: string; data: ChoiceData }, ctx: CompileContext): StateConfig {
  const nodeId = node.id;
  const { question, options, field, retries } = node.data;
  const labels = options.map((option) => option.label);
  const picks: TransitionConfig[] = options.map((option, index) => {
    const params = { nodeId, labels, index, id: option.id, field };
    return { guard: { type: "choice.picked", params }, target: ctx.out(option.id), actions: [{ type: "choice.record", params }] };
  });
  const hint = ctx.phrases.hints.choice(labels.join(", "));
  return {
    initial: "ask",
    entry: [{ type: "choice.reset", params: { nodeId } }],
    states: {
      ask: ctx.waiting({
        entry: [{ type: "bot.say", params: { nodeId, text: question, choices: labels } }],
        on: {
          "customer.message": [
            ...picks,
            // No target: the step stays and offers the buttons again with a hint.
            { guard: { type: "choice.canRetry", params: { nodeId, retries } }, actions: [{ type: "choice.reject", params: { nodeId, labels, hint } }] },
            { target: ctx.out(OTHER), actions: [{ type: "choice.reject", params: { nodeId, labels, hint: null } }] },
          ],
        },
      }),
    },
  };
}

export function diagnoseChoice(data: ChoiceData): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (!data.question.trim()) issues.push({ severity: "error", code: "empty-message", field: "question", message: "Write the question the buttons answer." });
  if (data.options.length < MIN_OPTIONS) issues.push({ severity: "error", code: "missing-choices", field: "options", message: `Offer at least ${MIN_OPTIONS} options.` });
  const seen = new Map<string, number>();
  data.options.forEach((option, index) => {
    const key = option.label.trim().toLowerCase();
    if (seen.has(key)) issues.push({ severity: "error", code: "duplicate-option", field: `options.${index}.label`, message: `“${option.label}” is offered twice: a customer could not tell them apart.` });
    seen.set(key, index);
  });
  return issues;
}
