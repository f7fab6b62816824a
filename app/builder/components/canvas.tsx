/**
 * The React Flow canvas: cards from the document, palette drops, connecting outputs, moving,
 * selecting and deleting, with the minimap, zoom controls and fit view.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from "react";
import ReactFlow, { Background, BackgroundVariant, Controls, MiniMap, useReactFlow, useStoreApi, type Connection, type EdgeChange, type NodeChange } from "reactflow";
import { NODE_KINDS, type NodeKind } from "~/nodes/kinds";
import { nodeTypes } from "~/nodes/editors";
import { getNodeKind } from "~/nodes/registry";
import { connect, moveNodes, removeElements } from "../document-ops";
import type { CardIssue, CanvasNode, NodeTraffic, Size } from "../canvas-types";
import { INITIAL_PADDING, pickInitialView, READABLE_ZOOM, readableArea } from "../initial-view";
import { applySelectionChanges, applySizes, createEdgeMapper, createNodeMapper, summariseEdgeChanges, summariseNodeChanges, type CanvasView } from "../mapping";
import { sameTaskKey, type FlowEditorState } from "../use-flow-editor";

export const PALETTE_MIME = "application/reactflow";
/** Roughly half a card: a dropped card is centred under the pointer. */
export const CARD_OFFSET = { x: 120, y: 40 };

type Props = {
  editor: FlowEditorState;
  issues: ReadonlyMap<string, CardIssue[]>;
  preview: CanvasView["preview"];
  traffic: ReadonlyMap<string, NodeTraffic> | null;
  onDropKind: (kind: NodeKind, position: { x: number; y: number }) => void;
};

const isKind = (value: string): value is NodeKind => (NODE_KINDS as readonly string[]).includes(value);

// As low as the canvas goes, so "fit view" shows a hand-drawn flow of a few dozen steps whole
// even beside both panels of a 1024 px window: a floor above that cut the starters' Start and
// End off the sides. The flow OPENS at a readable zoom (initial-view.ts).
const MIN_ZOOM = 0.1;
const INITIAL_FIT = { padding: INITIAL_PADDING, minZoom: READABLE_ZOOM, maxZoom: 1 };
const BLANK_VIEWPORT = { x: 60, y: 80, zoom: 0.8 };
const MINIMAP_SIZE = { width: 168, height: 112 };
const minimapColor = (node: CanvasNode) => getNodeKind(node.data.kind).color;

let drags = 0;

/**
 * Fits the opening view once, when the cards it shows are measured: which cards depends on the
 * canvas's size (initial-view.ts), which React Flow's own `fitView` prop cannot take into
 * account. The store is watched directly (no re-render of the canvas per measured card); the
 * fit runs inside React Flow's measuring pass, before the first frame that shows the cards.
 * A flow that opens blank is not fitted: the first drop would make the view jump.
 */
function useInitialView(document: FlowEditorState["document"]) {
  const store = useStoreApi();
  const { fitView } = useReactFlow();
  const [opening] = useState(document);
  useEffect(() => {
    if (opening.nodes.length === 0) return;
    let done = false;
    // fitView moves the viewport, which notifies this listener again from inside the fit.
    let fitting = false;
    const tryFit = () => {
      if (done || fitting) return;
      const { width, height, nodeInternals } = store.getState();
      if (!width || !height) return;
      const sizeOf = (nodeId: string) => {
        const node = nodeInternals.get(nodeId);
        return node?.width && node.height ? { width: node.width, height: node.height } : undefined;
      };
      const ids = pickInitialView(opening, readableArea({ width, height }), sizeOf);
      fitting = true;
      done = fitView({ ...INITIAL_FIT, nodes: ids.map((id) => ({ id })) });
      fitting = false;
      if (done) unsubscribe();
    };
    const unsubscribe = store.subscribe(tryFit);
    tryFit();
    return unsubscribe;
  }, [store, fitView, opening]);
}

function preventShiftTextSelection(event: MouseEvent) {
  if (event.shiftKey && event.target instanceof Element && !event.target.closest("input, textarea, select")) event.preventDefault();
}

export function Canvas({ editor, issues, preview, traffic, onDropKind }: Props) {
  const { document, selection, edit, setSelection } = editor;
  // Only the canvas needs card sizes: measuring 300 cards re-renders it, not the whole editor.
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const { screenToFlowPosition } = useReactFlow();
  const mapNodes = useMemo(createNodeMapper, []);
  const mapEdges = useMemo(createEdgeMapper, []);
  const view: CanvasView = useMemo(() => ({ selection, sizes, issues, preview, traffic }), [selection, sizes, issues, preview, traffic]);
  const nodes = useMemo(() => mapNodes(document, view), [mapNodes, document, view]);
  const edges = useMemo(() => mapEdges(document, view), [mapEdges, document, view]);
  const dragKey = useRef("drag:0");
  useInitialView(document);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const summary = summariseNodeChanges(changes);
      if (summary.sizes.size) setSizes((current) => applySizes(current, summary.sizes));
      if (summary.selected.size) setSelection((current) => ({ ...current, nodes: applySelectionChanges(current.nodes, summary.selected) }));
      if (summary.positions.size) {
        // A drag is one undo step however long it takes; arrow-key nudges group by the second.
        const options = summary.dragging ? { coalesce: dragKey.current, sticky: true } : { coalesce: "nudge" };
        edit((current) => moveNodes(current, summary.positions), options);
      }
      if (summary.removed.size) edit((current) => removeElements(current, summary.removed), { coalesce: sameTaskKey("delete"), sticky: true });
    },
    [edit, setSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const summary = summariseEdgeChanges(changes);
      if (summary.selected.size) setSelection((current) => ({ ...current, edges: applySelectionChanges(current.edges, summary.selected) }));
      if (summary.removed.size) edit((current) => removeElements(current, new Set(), summary.removed), { coalesce: sameTaskKey("delete"), sticky: true });
    },
    [edit, setSelection],
  );

  const onConnect = useCallback(
    ({ source, sourceHandle, target }: Connection) => {
      if (!source || !sourceHandle || !target) return;
      edit((current) => connect(current, { source, sourceHandle, target }));
    },
    [edit],
  );

  const startDrag = useCallback(() => {
    drags += 1;
    dragKey.current = `drag:${drags}`;
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      onDropKind(kind, { x: point.x - CARD_OFFSET.x, y: point.y - CARD_OFFSET.y });
    },
    [screenToFlowPosition, onDropKind],
  );

  return (
    <ReactFlow
      // Shift starts a box selection or adds a card to the selection; left to the browser it
      // would also select the page's text from the top of the page to the pointer.
      onMouseDownCapture={preventShiftTextSelection}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onNodeDragStart={startDrag}
      onSelectionDragStart={startDrag}
      onDragOver={onDragOver}
      onDrop={onDrop}
      deleteKeyCode={["Delete", "Backspace"]}
      // React Flow swallows its keys page-wide; Space must keep pressing buttons (the palette).
      panActivationKeyCode={null}
      multiSelectionKeyCode={["Shift", "Meta", "Control"]}
      selectionKeyCode="Shift"
      defaultViewport={BLANK_VIEWPORT}
      minZoom={MIN_ZOOM}
      maxZoom={1.75}
      onlyRenderVisibleElements
      proOptions={{ hideAttribution: true }}
      connectionRadius={28}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cfd1d9" />
      <MiniMap style={MINIMAP_SIZE} pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(242, 243, 246, 0.7)" ariaLabel="Minimap" />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}
