import type { CompileContext, StateConfig } from "../types";
import { OTHER_LANGUAGE, type LanguageData } from "./schema";

/** Decides at once from what the customer already wrote (it never waits), like "Check a field". */
export function compileLanguage(node: { id: string; data: LanguageData }, ctx: CompileContext): StateConfig {
  const params = { nodeId: node.id, languages: node.data.languages, field: node.data.field };
  const record = { type: "language.record", params };
  return {
    always: [
      ...node.data.languages.map((code) => ({ guard: { type: "language.is", params: { ...params, code } }, target: ctx.out(code), actions: [record] })),
      { target: ctx.out(OTHER_LANGUAGE), actions: [record] },
    ],
  };
}
