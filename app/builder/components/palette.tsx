/**
 * Every node kind with its icon, plain-language name and one line of what it does. Drag a kind
 * onto the canvas to put it where it is dropped; click it (or Enter/Space) to add it next to
 * the selected step, connected to that step's first free output.
 */
import type { DragEvent } from "react";
import { NODE_KINDS, type NodeKind } from "~/nodes/kinds";
import { getNodeEditor, kindColorStyle } from "~/nodes/editors";
import { getNodeKind } from "~/nodes/registry";
import { PALETTE_MIME } from "./canvas";

type Props = { onAdd: (kind: NodeKind) => void; hasEntry: boolean };

export function Palette({ onAdd, hasEntry }: Props) {
  const startDrag = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = "move";
  };
  return (
    <nav className="builder-palette nokey" aria-label="Steps">
      <h2 className="palette-title">Steps</h2>
      <p className="palette-hint">Drag onto the canvas, or click to add.</p>
      <ul className="palette-list">
        {NODE_KINDS.map((kind) => {
          const definition = getNodeKind(kind);
          const { Icon } = getNodeEditor(kind);
          const taken = definition.role === "entry" && hasEntry;
          return (
            <li key={kind}>
              <button
                type="button"
                className="palette-item"
                data-kind={kind}
                style={kindColorStyle(kind)}
                draggable={!taken}
                disabled={taken}
                onDragStart={(event) => startDrag(event, kind)}
                onClick={() => onAdd(kind)}
                title={definition.description}
                aria-describedby={`palette-${kind}-text`}
              >
                <span className="palette-icon" aria-hidden="true">
                  <Icon />
                </span>
                <span className="palette-text">
                  <span className="palette-label">{definition.label}</span>
                  <span className="palette-description" id={`palette-${kind}-text`}>
                    {taken ? "Already on the canvas: a flow has one start." : definition.description}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
