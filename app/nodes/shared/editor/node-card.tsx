/**
 * The frame every kind's canvas card uses: icon and plain-language name, the kind's summary,
 * the problems badge, and one labelled output handle per output (read from the registry, so an
 * intent card grows a handle as soon as an intent is added), and the analytics overlay's
 * strip under the header while the overlay is on.
 */
import { memo, useEffect, useRef, type CSSProperties, type ComponentType, type ReactNode } from "react";
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "reactflow";
import type { NodeKindDefinition } from "../../types";
import { TrafficStrip } from "./traffic-strip";
import type { CanvasNodeData, CardIssue } from "./types";

function IssueBadge({ issues }: { issues: CardIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const label = errors > 0 ? `${errors} error${errors === 1 ? "" : "s"}` : `${issues.length} warning${issues.length === 1 ? "" : "s"}`;
  return (
    <span className={errors > 0 ? "node-badge node-badge-error" : "node-badge node-badge-warning"} title={issues.map((issue) => issue.message).join("\n")} aria-label={label}>
      {errors > 0 ? "!" : "?"} {errors > 0 ? errors : issues.length}
    </span>
  );
}

type CardProps = NodeProps<CanvasNodeData> & { kind: NodeKindDefinition<unknown>; icon: ComponentType; children: ReactNode };

export function NodeCard({ id, data, selected, kind, icon: Icon, children }: CardProps) {
  const outputs = kind.handles(data.config);
  const updateNodeInternals = useUpdateNodeInternals();
  const outputKey = outputs.map((output) => output.id).join("\u0000");
  // Handles added or renamed later must be measured again for edges to attach. Not on mount:
  // React Flow measures new cards itself, and 300 extra measurements make opening a flow slow.
  const measuredKey = useRef(outputKey);
  useEffect(() => {
    if (measuredKey.current === outputKey) return;
    measuredKey.current = outputKey;
    updateNodeInternals(id);
  }, [id, outputKey, updateNodeInternals]);
  const errors = data.issues.some((issue) => issue.severity === "error");
  const unvisited = data.traffic !== null && !data.traffic.unpublished && data.traffic.passed === 0;
  const classes = ["node-card", selected ? "is-selected" : "", data.preview ? `is-${data.preview}` : "", errors ? "has-errors" : "", unvisited ? "is-unvisited" : ""].filter(Boolean).join(" ");
  return (
    <div className={classes} data-kind={data.kind} data-node-id={id} style={{ "--kind-color": kind.color } as CSSProperties}>
      {kind.role !== "entry" ? <Handle type="target" position={Position.Left} className="node-handle node-handle-in" /> : null}
      <header className="node-card-header">
        <span className="node-card-icon" aria-hidden="true">
          <Icon />
        </span>
        <span className="node-card-title">{kind.label}</span>
        <IssueBadge issues={data.issues} />
      </header>
      {data.traffic ? <TrafficStrip traffic={data.traffic} /> : null}
      <div className="node-card-body">{children}</div>
      {outputs.length > 0 ? (
        <ul className="node-card-outputs" aria-label="Outputs">
          {outputs.map((output) => (
            <li key={output.id} className={output.failure ? "node-output is-failure" : "node-output"} data-handle={output.id}>
              <span className="node-output-label">{output.label}</span>
              {/* No aria-label: a handle is a mouse target without a role; by keyboard, the side panel's "Next step" pickers connect outputs. */}
              <Handle type="source" position={Position.Right} id={output.id} className="node-handle node-handle-out" />
            </li>
          ))}
        </ul>
      ) : (
        <footer className="node-card-terminal">{kind.role === "handoff" ? "The bot stops here" : "The conversation ends here"}</footer>
      )}
    </div>
  );
}

/** A kind's card: the shared frame around the kind's summary of its settings. */
export function createCard(kindId: string, kind: NodeKindDefinition<unknown>) {
  const { Icon, Summary } = kind.editor;
  const Card = memo(function Card(props: NodeProps<CanvasNodeData>) {
    return (
      <NodeCard {...props} kind={kind} icon={Icon}>
        <Summary data={props.data.config} />
      </NodeCard>
    );
  });
  Card.displayName = `${kindId}Card`;
  return Card;
}
