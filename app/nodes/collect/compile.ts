import { checkPattern } from "../shared/pattern";
import type { CompileContext, NodeIssue, StateConfig } from "../types";
import { describeExpectedAnswer, patternForFormat } from "./formats";
import type { Phrases } from "../shared/phrases";
import type { CollectData, FieldSpec, FieldType } from "./schema";

/** The buttons a question shows: the step's choices, or the bot language's Yes and No. */
export function buttonsFor(type: FieldType, choices: string[], phrases: Phrases): string[] | undefined {
  if (type === "choice") return choices;
  if (type === "yesno") return [...phrases.feedbackChoices];
  return undefined;
}

/** The pattern answers are checked against: the format's when a preset is chosen, else the one written. */
export function effectivePattern(data: Pick<CollectData, "pattern" | "format">): string {
  return data.format && data.format.kind !== "regex" ? (patternForFormat(data.format) ?? "") : data.pattern;
}

export function compileCollect(node: { id: string; data: CollectData }, ctx: CompileContext): StateConfig {
  const { field, type, choices, retries, question } = node.data;
  const spec: FieldSpec & { nodeId: string; locale?: string } = { nodeId: node.id, field, type, pattern: effectivePattern(node.data), choices, locale: ctx.locale };
  if (type === "pattern") spec.expected = describeExpectedAnswer(node.data.format, spec.pattern);
  return {
    initial: "check",
    entry: [{ type: "collect.reset", params: { nodeId: node.id } }],
    states: {
      check: {
        always: [
          { guard: { type: "collect.isKnown", params: spec }, target: ctx.out("captured"), actions: [{ type: "collect.captureKnown", params: spec }] },
          { target: "ask" },
        ],
      },
      ask: ctx.waiting({
        entry: [{ type: "bot.say", params: { nodeId: node.id, text: question, choices: buttonsFor(type, choices, ctx.phrases) } }],
        on: {
          "customer.message": [
            { guard: { type: "collect.isValid", params: spec }, target: ctx.out("captured"), actions: [{ type: "collect.captureAnswer", params: spec }] },
            // No target: the node stays where it is and only says the hint (the question is not repeated).
            { guard: { type: "collect.canRetry", params: { nodeId: node.id, retries } }, actions: [{ type: "collect.reject", params: { ...spec, hint: true } }] },
            { target: ctx.out("failed"), actions: [{ type: "collect.reject", params: { ...spec, hint: false } }] },
          ],
        },
      }),
    },
  };
}

export function diagnoseCollect(data: CollectData): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (!data.question.trim()) {
    issues.push({ severity: "error", code: "empty-message", field: "question", message: "Write the question the bot asks." });
  }
  if (data.type === "pattern" && data.format?.kind === "example" && !effectivePattern(data)) {
    issues.push({ severity: "error", code: "invalid-format", field: "format", message: "Type an example answer with at least one letter or digit, e.g. ABC-1234." });
  } else if (data.type === "pattern") {
    const pattern = effectivePattern(data);
    const problem = pattern ? checkPattern(pattern) : "the pattern is empty";
    if (problem) issues.push({ severity: "error", code: "invalid-pattern", field: "pattern", message: `This pattern is not valid: ${problem}` });
  }
  if (data.type === "choice" && data.choices.length < 2) {
    issues.push({ severity: "error", code: "missing-choices", field: "choices", message: "Add at least two choices for the customer to pick from." });
  }
  return issues;
}
