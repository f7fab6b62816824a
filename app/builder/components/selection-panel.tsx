/** The side panel while several steps are selected: what is selected, and what can be done to all of them at once. */
import type { FlowNode } from "~/flow/document";
import { Icon } from "~/components/icons";
import { getNodeKind } from "~/nodes/registry";

type Props = {
  nodes: FlowNode[];
  onFocusNode: (nodeId: string) => void;
  onCopy: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
};

export function SelectionPanel({ nodes, onFocusNode, onCopy, onDuplicate, onDelete }: Props) {
  return (
    <section className="builder-panel-section" aria-labelledby="selection-heading">
      <header className="panel-header">
        <div className="panel-heading">
          <h2 id="selection-heading">{nodes.length} steps selected</h2>
          <p>Shift+click adds or removes a step; Shift+drag on the canvas draws a box around steps.</p>
        </div>
      </header>
      <div className="panel-tools">
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCopy} title="Copy (Ctrl+C), then paste with Ctrl+V">
          <Icon name="copy" size={14} />
          Copy
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDuplicate} title="Duplicate (Ctrl+D)">
          <Icon name="copy" size={14} />
          Duplicate
        </button>
        <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" onClick={onDelete} title="Delete (Delete key)">
          <Icon name="trash" size={14} />
          Delete {nodes.length} steps
        </button>
      </div>
      <ul className="problem-list" aria-label="Selected steps">
        {nodes.map((node) => (
          <li key={node.id}>
            <button type="button" className="problem-item" onClick={() => onFocusNode(node.id)} title="Edit this step alone">
              <span className="problem-text">
                <span className="problem-message">{getNodeKind(node.kind).label}</span>
                <span className="problem-where">{node.id}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
