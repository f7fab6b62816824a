/** What the palette, the panel, the shortcuts and the problem list do to the canvas. */
import { useCallback, useMemo, useRef, type RefObject } from "react";
import { useReactFlow } from "reactflow";
import type { NodeKind } from "~/nodes/kinds";
import { copySelection, pasteClipboard, PASTE_OFFSET, readClipboard, writeClipboard } from "./clipboard";
import { addNode, connect, disconnect, removeElements, updateNodeData } from "./document-ops";
import { createNodeId, nodeIdsOf } from "./ids";
import { ESTIMATED_CARD } from "./free-position";
import { placeDroppedStep, placeNewStep, type SizeOf } from "./placement";
import type { FlowEditorState } from "./use-flow-editor";
import { centreAfterAdding } from "./view-after-add";

export function useEditorActions(editor: FlowEditorState, canvas: RefObject<HTMLElement>) {
  const { document, selection, edit, select } = editor;
  const flow = useReactFlow();
  const pastes = useRef(0);
  const onlySelected = selection.nodes.size === 1 ? [...selection.nodes][0] : null;

  /** The middle of the visible canvas, in flow units. */
  const viewCentre = useCallback(() => {
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }, [canvas, flow]);

  /** React Flow's measured size of a card (taller with the analytics overlay on). */
  const sizeOf: SizeOf = useCallback(
    (nodeId) => {
      const node = flow.getNode(nodeId);
      return node?.width && node.height ? { width: node.width, height: node.height } : undefined;
    },
    [flow],
  );

  /** Dropped at `position`, or placed after the selected step (and connected to it) when clicked; returns the new step's id. */
  const addStep = useCallback(
    (kind: NodeKind, position?: { x: number; y: number }): string => {
      const id = createNodeId(kind, nodeIdsOf(document));
      const placement = position ? { position: placeDroppedStep(document, position, sizeOf), from: null } : placeNewStep(document, onlySelected, viewCentre(), sizeOf);
      edit((current) => {
        const added = addNode(current, kind, placement.position, id);
        return placement.from ? connect(added, { ...placement.from, target: id }) : added;
      });
      select([id]);
      // A clicked step may land beside the selected one, past the canvas's edge: bring it into
      // view, keeping the step it follows in view too when both fit (view-after-add.ts).
      if (!position) {
        const rect = canvas.current?.getBoundingClientRect();
        const anchor = onlySelected ? flow.getNode(onlySelected) : undefined;
        const previous = anchor ? { ...anchor.position, width: anchor.width ?? ESTIMATED_CARD.width, height: anchor.height ?? ESTIMATED_CARD.height } : null;
        const added = { ...placement.position, width: ESTIMATED_CARD.width, height: previous?.height ?? ESTIMATED_CARD.height };
        const zoom = flow.getZoom();
        const centre = rect ? centreAfterAdding(added, previous, rect, zoom) : { x: added.x + added.width / 2, y: added.y + added.height / 2 };
        void flow.setCenter(centre.x, centre.y, { zoom, duration: 250 });
      }
      return id;
    },
    [document, onlySelected, edit, select, flow, viewCentre, sizeOf, canvas],
  );

  /** Brings a card into the middle of the view, zoomed in enough to read it. */
  const reveal = useCallback(
    (nodeId: string, minZoom = 0.9) => {
      const node = flow.getNode(nodeId);
      if (!node) return;
      void flow.setCenter(node.position.x + (node.width ?? 240) / 2, node.position.y + (node.height ?? 120) / 2, { zoom: Math.max(flow.getZoom(), minZoom), duration: 300 });
    },
    [flow],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      select([nodeId]);
      reveal(nodeId);
    },
    [select, reveal],
  );

  const changeData = useCallback((nodeId: string, data: unknown) => edit((current) => updateNodeData(current, nodeId, data), { coalesce: `data:${nodeId}` }), [edit]);

  /** The side panel's "next step" picker: connects an output to a step, or (target null) removes its connection. */
  const setNextStep = useCallback(
    (source: string, sourceHandle: string, target: string | null) =>
      edit((current) => (target ? connect(current, { source, sourceHandle, target }) : disconnect(current, source, sourceHandle))),
    [edit],
  );

  const deleteNodes = useCallback(
    (nodeIds: Iterable<string>) => {
      const ids = new Set(nodeIds);
      edit((current) => removeElements(current, ids));
      select([]);
    },
    [edit, select],
  );

  const paste = useCallback(
    (content = readClipboard()) => {
      if (!content) return;
      pastes.current += 1;
      // The offset is on screen: at a low zoom the copies still land clearly beside the originals.
      const offset = Math.round((PASTE_OFFSET * pastes.current) / Math.min(1, flow.getZoom()));
      const result = pasteClipboard(document, content, offset);
      edit((current) => (current === document ? result.document : pasteClipboard(current, content, offset).document));
      select(result.pastedIds);
    },
    [document, edit, select, flow],
  );

  const copy = useCallback(() => {
    const content = copySelection(document, selection.nodes);
    if (!content) return;
    writeClipboard(content);
    pastes.current = 0;
  }, [document, selection.nodes]);

  const duplicate = useCallback(
    (nodeIds: Iterable<string> = selection.nodes) => {
      const content = copySelection(document, new Set(nodeIds));
      if (!content) return;
      pastes.current = 0;
      paste(content);
    },
    [document, selection.nodes, paste],
  );

  return useMemo(
    () => ({ addStep, reveal, focusNode, changeData, setNextStep, deleteNodes, copy, paste, duplicate }),
    [addStep, reveal, focusNode, changeData, setNextStep, deleteNodes, copy, paste, duplicate],
  );
}
