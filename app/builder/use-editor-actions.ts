/** What the palette, the panel, the shortcuts and the problem list do to the canvas. */
import { useCallback, useMemo, useRef, type RefObject } from "react";
import { useReactFlow } from "reactflow";
import type { NodeKind } from "~/nodes/kinds";
import { CARD_OFFSET } from "./components/canvas";
import { copySelection, pasteClipboard, PASTE_OFFSET, readClipboard, writeClipboard } from "./clipboard";
import { addNode, connect, disconnect, removeElements, updateNodeData } from "./document-ops";
import { createNodeId, nodeIdsOf } from "./ids";
import { avoidOverlap, placeNewStep } from "./placement";
import type { FlowEditorState } from "./use-flow-editor";
import { centreAfterAdding } from "./view-after-add";

/** A card's size before React Flow has measured it (.node-card is 248 px wide). */
const CARD_SIZE = { width: 248, height: 120 };

export function useEditorActions(editor: FlowEditorState, canvas: RefObject<HTMLElement>) {
  const { document, selection, edit, select } = editor;
  const flow = useReactFlow();
  const pastes = useRef(0);
  const onlySelected = selection.nodes.size === 1 ? [...selection.nodes][0] : null;

  const viewCentre = useCallback(() => {
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    const centre = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    return { x: centre.x - CARD_OFFSET.x, y: centre.y - CARD_OFFSET.y };
  }, [canvas, flow]);

  /** Dropped at `position`, or placed after the selected step (and connected to it) when clicked; returns the new step's id. */
  const addStep = useCallback(
    (kind: NodeKind, position?: { x: number; y: number }): string => {
      const id = createNodeId(kind, nodeIdsOf(document));
      const placement = position ? { position: avoidOverlap(position, document.nodes), from: null } : placeNewStep(document, onlySelected, viewCentre());
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
        const previous = anchor ? { ...anchor.position, width: anchor.width ?? CARD_SIZE.width, height: anchor.height ?? CARD_SIZE.height } : null;
        const added = { ...placement.position, width: CARD_SIZE.width, height: previous?.height ?? CARD_SIZE.height };
        const zoom = flow.getZoom();
        const centre = rect ? centreAfterAdding(added, previous, rect, zoom) : { x: added.x + CARD_OFFSET.x, y: added.y + CARD_OFFSET.y };
        void flow.setCenter(centre.x, centre.y, { zoom, duration: 250 });
      }
      return id;
    },
    [document, onlySelected, edit, select, flow, viewCentre, canvas],
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
