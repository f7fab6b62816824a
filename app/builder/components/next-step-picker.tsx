/**
 * The keyboard way to wire a flow: one "next step" select per output of the selected step, and a
 * "Go to" button that moves to the step an output leads to. Dragging between handles on the
 * canvas needs a mouse, and React Flow draws (and so tabs to) only the cards in view; from
 * here every connection can be made, changed or removed, and every step reached, without either.
 */
import { useEffect, useRef, useState, type RefObject } from "react";
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
        const next = edge ? nodes.find((candidate) => candidate.id === edge.target) : undefined;
        return (
          <NextStepRow
            key={output.id}
            output={output}
            targets={targets}
            next={next ?? null}
            onConnect={(target) => onConnect(output.id, target)}
            onGoTo={() => edge && onGoTo(edge.target)}
          />
        );
      })}
    </fieldset>
  );
}

type RowProps = {
  output: { id: string; label: string };
  targets: FlowNode[];
  next: FlowNode | null;
  onConnect: (target: string | null) => void;
  onGoTo: () => void;
};

function NextStepRow({ output, targets, next, onConnect, onGoTo }: RowProps) {
  const select = useRef<HTMLSelectElement>(null);
  const nextName = next ? describeStep(next) : null;
  const clipped = useClippedValue(select, nextName);
  const selectId = `next-step-${output.id}`;
  return (
    <div className="next-steps__row">
      <label htmlFor={selectId} className="next-steps__label">
        {output.label}
      </label>
      <select ref={select} id={selectId} className="select" value={next?.id ?? ""} title={nextName ?? "Not connected"} onChange={(event) => onConnect(event.target.value || null)}>
        <option value="">Not connected</option>
        {targets.map((target) => (
          <option key={target.id} value={target.id} title={describeStep(target)}>
            {describeStep(target)}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-secondary btn-sm" disabled={!next} aria-label={`Go to the step after “${output.label}”`} onClick={onGoTo}>
        Go to
      </button>
      {/* Screen readers hear the select's value whole: this line is for eyes only. */}
      {clipped && nextName ? (
        <p className="next-steps__full-name" aria-hidden="true">
          {nextName}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Whether the closed select clips its chosen step's name (measured in the select's own font). Two
 * steps whose ids differ only at the end would then look the same, so the row writes the name out
 * in full under the select. The open list is as wide as its longest option, and each option and
 * the select carry the name as a tooltip. Measured again whenever the select's box changes size
 * (the panel's scrollbar coming or going, a font arriving late), not only when the name changes.
 */
function useClippedValue(select: RefObject<HTMLSelectElement>, text: string | null): boolean {
  const [clipped, setClipped] = useState(false);
  useEffect(() => {
    const element = select.current;
    const context = element && text ? document.createElement("canvas").getContext("2d") : null;
    if (!element || !text || !context) return setClipped(false);
    const measure = () => {
      const style = getComputedStyle(element);
      context.font = style.font;
      setClipped(context.measureText(text).width > element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [select, text]);
  return clipped;
}
