/** The compiler's diagnostics as a list; clicking one focuses its step (or opens the flow settings). */
import type { Diagnostic } from "~/flow/diagnostics";
import type { FlowNode } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";
import type { DiagnosticsView } from "../diagnostics";

type Props = {
  diagnostics: DiagnosticsView;
  nodes: FlowNode[];
  onFocusNode: (nodeId: string) => void;
  onOpenSettings: () => void;
};

function where(diagnostic: Diagnostic, nodes: Map<string, FlowNode>): string {
  if (!diagnostic.nodeId) return diagnostic.field?.startsWith("settings") ? "Flow settings" : "Flow";
  const node = nodes.get(diagnostic.nodeId);
  return node ? `${getNodeKind(node.kind).label} · ${node.id}` : diagnostic.nodeId;
}

export function ProblemsPanel({ diagnostics, nodes, onFocusNode, onOpenSettings }: Props) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const sorted = [...diagnostics.all].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <section className="builder-panel-section" aria-labelledby="problems-heading">
      <header className="panel-header">
        <div className="panel-heading">
          <h2 id="problems-heading">Problems</h2>
          <p>
            {diagnostics.errors === 0 && diagnostics.warnings === 0
              ? "None: this flow is ready to publish."
              : `${diagnostics.errors} error${diagnostics.errors === 1 ? "" : "s"} (block publishing) · ${diagnostics.warnings} warning${diagnostics.warnings === 1 ? "" : "s"}`}
          </p>
        </div>
      </header>
      {sorted.length === 0 ? (
        <div className="panel-empty">
          <p>Select a step on the canvas to edit it, or add one from the list of steps (click it, or drag it onto the canvas).</p>
          <p className="panel-keys">
            Keyboard: <kbd>Tab</kbd> to a step, <kbd>Enter</kbd> to select it, <kbd>Enter</kbd> again to edit it; <kbd>Esc</kbd> goes back to the step.
          </p>
        </div>
      ) : (
        <ul className="problem-list">
          {sorted.map((diagnostic, index) => (
            <li key={`${diagnostic.code}-${diagnostic.nodeId ?? ""}-${diagnostic.field ?? ""}-${index}`}>
              <button
                type="button"
                className={`problem-item is-${diagnostic.severity}`}
                onClick={() => (diagnostic.nodeId && byId.has(diagnostic.nodeId) ? onFocusNode(diagnostic.nodeId) : onOpenSettings())}
              >
                <span className="problem-severity" aria-label={diagnostic.severity === "error" ? "Error" : "Warning"}>
                  {diagnostic.severity === "error" ? "!" : "?"}
                </span>
                <span className="problem-text">
                  <span className="problem-message">{diagnostic.message}</span>
                  <span className="problem-where">{where(diagnostic, byId)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
