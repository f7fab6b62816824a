/**
 * The keyboard way to wire a flow: one "next step" select per output of the selected step, and a
 * "Go to" button that moves to the step an output leads to. Dragging between handles on the
 * canvas needs a mouse, and React Flow draws (and so tabs to) only the cards in view; from
 * here every connection can be made, changed or removed, and every step reached, without either.
 */
import type { FlowEdge, FlowNode } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";

type Props = {
  node: FlowNode;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** `target` null removes the output's connection. */
  onConnect: (sourceHandle: string, target: string | null) => void;
  onGoTo: (nodeId: string) => void;
};

/** How a step is named in the picker: its kind and its id (ids are unique and shown on the panel). */
export function describeStep(node: FlowNode): string {
  return `${getNodeKind(node.kind).label} (${node.id})`;
}

export function NextStepPicker({ node, nodes, edges, onConnect, onGoTo }: Props) {
  const outputs = getNodeKind(node.kind).handles(node.data);
  if (outputs.length === 0) return null;
  // The entry step has no input: nothing can lead to it. A step may lead back to itself (a retry loop).
  const targets = nodes.filter((candidate) => getNodeKind(candidate.kind).role !== "entry");
  return (
    <fieldset className="next-steps">
      <legend className="next-steps__legend">Next steps</legend>
      {outputs.map((output) => {
        const edge = edges.find((candidate) => candidate.source === node.id && candidate.sourceHandle === output.id);
        const selectId = `next-step-${output.id}`;
        return (
          <div key={output.id} className="next-steps__row">
            <label htmlFor={selectId} className="next-steps__label">
              {output.label}
            </label>
            <select id={selectId} className="select" value={edge?.target ?? ""} onChange={(event) => onConnect(output.id, event.target.value || null)}>
              <option value="">Not connected</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {describeStep(target)}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-secondary btn-sm" disabled={!edge} aria-label={`Go to the step after “${output.label}”`} onClick={() => edge && onGoTo(edge.target)}>
              Go to
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
