/**
 * The side panel form of the selected step. Each change is checked against the kind's zod
 * schema: a valid value goes into the document at once (and autosaves); an invalid one stays
 * in the form with its message beside the field and is not applied (the save indicator says
 * so) until it is fixed. Compiler diagnostics of the step show inline under their field.
 */
import { useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import type { Diagnostic } from "~/flow/diagnostics";
import type { FlowEdge, FlowNode } from "~/flow/document";
import { Icon } from "~/components/icons";
import { getNodeEditor, kindColorStyle } from "~/nodes/editors";
import { getNodeKind } from "~/nodes/registry";
import type { FieldProblem, KnownField, SettingsContext } from "~/nodes/shared/editor/types";
import { NextStepPicker } from "./next-step-picker";

type Props = {
  flowId: string;
  node: FlowNode;
  diagnostics: Diagnostic[];
  teams: Array<{ slug: string; name: string }>;
  kbTags: string[];
  credentials: string[];
  fields: KnownField[];
  onChange: (nodeId: string, data: unknown) => void;
  /** Every step and connection of the flow, for the "next step" pickers. */
  nodes: FlowNode[];
  edges: FlowEdge[];
  onConnect: (nodeId: string, sourceHandle: string, target: string | null) => void;
  onGoTo: (nodeId: string) => void;
  onDelete: (nodeId: string) => void;
  onDuplicate: (nodeId: string) => void;
  /** Told when the form holds a value it could not apply (null when everything typed is applied). */
  onInvalid: (message: string | null) => void;
};

type Pending = { nodeId: string; base: unknown; data: unknown; errors: Map<string, string> };

function schemaErrors(error: z.ZodError): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!errors.has(path)) errors.set(path, issue.message.endsWith(".") ? issue.message : `${issue.message}.`);
  }
  return errors;
}

const rank = (diagnostic: Diagnostic) => (diagnostic.severity === "error" ? 0 : 1);

export function SettingsPanel({ flowId, node, diagnostics, teams, kbTags, credentials, fields, onChange, nodes, edges, onConnect, onGoTo, onDelete, onDuplicate, onInvalid }: Props) {
  const kind = getNodeKind(node.kind);
  const { Settings, Icon: KindSymbol } = getNodeEditor(node.kind);
  const [pending, setPending] = useState<Pending | null>(null);
  // An invalid edit belongs to the data it was typed over: undo or another step discards it.
  const active = pending && pending.nodeId === node.id && pending.base === node.data ? pending : null;
  const data = active ? active.data : node.data;

  useEffect(() => {
    const first = active ? [...active.errors.values()][0] : undefined;
    onInvalid(first ? `fix ${kind.label}: ${first}` : null);
  }, [active, kind.label, onInvalid]);
  useEffect(() => () => onInvalid(null), [onInvalid]);

  const dataKeys = useMemo(() => new Set(Object.keys((node.data ?? {}) as object)), [node.data]);
  const inline = diagnostics.filter((diagnostic) => diagnostic.field && dataKeys.has(diagnostic.field.split(".")[0])).sort((a, b) => rank(a) - rank(b));
  const general = diagnostics.filter((diagnostic) => !inline.includes(diagnostic)).sort((a, b) => rank(a) - rank(b));

  const context: SettingsContext = {
    flowId,
    nodeId: node.id,
    teams,
    kbTags,
    credentials,
    fields,
    problem: (field): FieldProblem | undefined => {
      const invalid = active?.errors.get(field);
      if (invalid) return { severity: "error", message: invalid };
      const diagnostic = inline.find((candidate) => candidate.field === field);
      return diagnostic ? { severity: diagnostic.severity, message: diagnostic.message } : undefined;
    },
  };

  const change = (next: unknown) => {
    const parsed = kind.schema.safeParse(next);
    if (parsed.success) {
      setPending(null);
      onChange(node.id, parsed.data);
    } else {
      setPending({ nodeId: node.id, base: node.data, data: next, errors: schemaErrors(parsed.error) });
    }
  };

  return (
    <section className="builder-panel-section" aria-labelledby="step-settings-heading">
      <header className="panel-header" data-kind={node.kind} style={kindColorStyle(node.kind)}>
        <span className="panel-icon" aria-hidden="true">
          <KindSymbol />
        </span>
        <div className="panel-heading">
          <h2 id="step-settings-heading">{kind.label}</h2>
          <p>{kind.description}</p>
        </div>
      </header>
      <div className="panel-tools">
        <code className="panel-node-id" title={`Step id ${node.id} (used in exported files)`}>
          {node.id}
        </code>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onDuplicate(node.id)}>
          <Icon name="copy" size={14} />
          Duplicate
        </button>
        <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" onClick={() => onDelete(node.id)}>
          <Icon name="trash" size={14} />
          Delete step
        </button>
      </div>
      {general.length > 0 ? (
        <ul className={general.some((diagnostic) => diagnostic.severity === "error") ? "panel-problems" : "panel-problems is-warnings"} aria-label="Problems of this step">
          {general.map((diagnostic, index) => (
            <li key={index} className={diagnostic.severity === "error" ? "is-error" : "is-warning"}>
              {diagnostic.message}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="panel-form stack" aria-label={`${kind.label} settings`} onSubmit={(event) => event.preventDefault()}>
        <Settings key={node.id} data={data} onChange={change} context={context} />
      </form>
      <NextStepPicker node={node} nodes={nodes} edges={edges} onConnect={(sourceHandle, target) => onConnect(node.id, sourceHandle, target)} onGoTo={onGoTo} />
    </section>
  );
}
