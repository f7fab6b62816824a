/**
 * The compiler's diagnostics, live in the browser. They come from diagnoseFlow — the checks
 * compileFlow runs, without building the XState machine the editor does not need (a tenth of
 * the work on large flows) — on a deferred copy of the document, so typing never waits for them.
 */
import { useDeferredValue, useMemo } from "react";
import { diagnoseFlow, type Diagnostic } from "~/flow/diagnostics";
import type { FlowDocument } from "~/flow/document";
import type { CardIssue } from "./canvas-types";

/** Fields the runtime fills before the flow starts (the chat page's contact details). */
export const RUNTIME_FIELDS = ["name", "email"];

export type DiagnosticsView = {
  all: Diagnostic[];
  errors: number;
  warnings: number;
  byNode: ReadonlyMap<string, CardIssue[]>;
  /** Diagnostics of the flow settings (no node): shown in the list, open the settings dialog. */
  flowLevel: Diagnostic[];
};

export function summariseDiagnostics(all: Diagnostic[]): DiagnosticsView {
  const byNode = new Map<string, CardIssue[]>();
  const flowLevel: Diagnostic[] = [];
  let errors = 0;
  for (const diagnostic of all) {
    if (diagnostic.severity === "error") errors += 1;
    if (!diagnostic.nodeId) {
      flowLevel.push(diagnostic);
      continue;
    }
    const list = byNode.get(diagnostic.nodeId) ?? [];
    list.push({ severity: diagnostic.severity, message: diagnostic.message });
    byNode.set(diagnostic.nodeId, list);
  }
  // Errors first on a card's badge.
  for (const list of byNode.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { all, errors, warnings: all.length - errors, byNode, flowLevel };
}

export function useDiagnostics(document: FlowDocument, teams: string[], credentials: string[]): DiagnosticsView {
  const deferred = useDeferredValue(document);
  return useMemo(() => summariseDiagnostics(diagnoseFlow(deferred, { teams, credentials, knownFields: RUNTIME_FIELDS }).diagnostics), [deferred, teams, credentials]);
}
