/**
 * The canvas editor page: toolbar, palette, canvas and the side panel (the selected step's
 * settings, the problem list, or the preview chat), with autosave, undo/redo, copy/paste,
 * publishing, version history and flow settings. Client-only (the route renders it after
 * hydration): it reads the local draft buffer before its first render.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ReactFlowProvider } from "reactflow";
import { Link } from "@remix-run/react";
import type { FlowEditorData } from "~/flow-admin/editor-data";
import type { NodeKind } from "~/nodes/kinds";
import { ENTRY_KIND, getNodeKind } from "~/nodes/registry";
import { CardWorkspaceContext } from "~/nodes/shared/editor/card-workspace";
import { useDiagnostics } from "../diagnostics";
import { chooseInitialDraft, clearDraftBuffer, readDraftBuffer, type InitialDraft } from "../draft-buffer";
import { renameDocument, restoreVersionAsDraft, updateSettings } from "../document-ops";
import { draftRequest, versionDocumentRequest, type VersionSummary } from "../editor-api";
import { cardOfKeyEvent, focusCard, focusFirstField, useCanvasAnnouncer } from "../keyboard-focus";
import { listKnownFields } from "../known-fields";
import { useAnalyticsOverlay } from "../use-analytics-overlay";
import { useAutosave } from "../use-autosave";
import { useEditorActions } from "../use-editor-actions";
import { useFlowEditor } from "../use-flow-editor";
import { usePreview } from "../use-preview";
import { usePublish } from "../use-publish";
import { useShortcuts } from "../use-shortcuts";
import { AnalyticsSummary } from "./analytics-overlay-controls";
import { Canvas } from "./canvas";
import { ConflictBanner, NoticeBar, StaleBufferBanner, type Notice } from "./editor-banners";
import { EditorToolbar } from "./editor-toolbar";
import { FlowSettingsDialog } from "./flow-settings-dialog";
import { Palette } from "./palette";
import { PreviewPanel } from "./preview-panel";
import { ProblemsPanel } from "./problems-panel";
import { SelectionPanel } from "./selection-panel";
import { SettingsPanel } from "./settings-panel";
import { VersionsDialog } from "./versions-dialog";

export function FlowEditor(props: FlowEditorData) {
  const [initial] = useState(() => chooseInitialDraft({ document: props.document, revision: props.revision }, readDraftBuffer(props.flow.id)));
  return (
    <ReactFlowProvider>
      <EditorBody data={props} initial={initial} />
    </ReactFlowProvider>
  );
}

const NO_VISITS: ReadonlySet<string> = new Set();

function EditorBody({ data, initial }: { data: FlowEditorData; initial: InitialDraft }) {
  const flowId = data.flow.id;
  const editor = useFlowEditor(initial.document);
  const { document, selection } = editor;
  const teamSlugs = useMemo(() => data.teams.map((team) => team.slug), [data.teams]);
  const cardWorkspace = useMemo(() => ({ teams: data.teams }), [data.teams]);
  const diagnostics = useDiagnostics(document, teamSlugs, data.credentials);
  const [published, setPublished] = useState(data.published?.number ?? null);
  const [unpublishedChanges, setUnpublishedChanges] = useState(data.unpublishedChanges);
  const autosave = useAutosave({ flowId, document, revision: data.revision, dirty: initial.source === "buffer", onSaved: (saved) => setUnpublishedChanges(saved.unpublishedChanges) });
  const [staleBuffer, setStaleBuffer] = useState(initial.source === "stale-buffer" ? initial.buffer : null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [panel, setPanel] = useState<"edit" | "preview">("edit");
  const [dialog, setDialog] = useState<"settings" | "versions" | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const actions = useEditorActions(editor, canvasRef);
  const preview = usePreview(flowId);
  const analytics = useAnalyticsOverlay(flowId, document);
  const tell = useCallback((tone: Notice["tone"], text: ReactNode) => setNotice({ tone, text, at: Date.now() }), []);

  const { publishing, publish } = usePublish({
    flowId,
    errors: diagnostics.errors,
    flush: autosave.flush,
    adoptRevision: autosave.adoptRevision,
    onRefused: (message) => {
      tell("error", message);
      editor.select([]);
      setPanel("edit");
    },
    onPublished: (version) => {
      setPublished(version);
      setUnpublishedChanges(false);
      tell(
        "success",
        <>
          Published version {version}. New conversations on <a href={`/chat/${data.flow.slug}`}>/chat/{data.flow.slug}</a> use it now.
        </>,
      );
    },
  });

  useShortcuts({ undo: editor.undo, redo: editor.redo, copy: actions.copy, paste: () => actions.paste(), duplicate: () => actions.duplicate() });

  const selectedNode = selection.nodes.size === 1 ? document.nodes.find((node) => selection.nodes.has(node.id)) : undefined;
  const knownFields = useMemo(() => listKnownFields(document), [document]);
  const previewMarks = useMemo(
    () => (panel === "preview" ? { active: preview.run.inspector?.activeNodeId ?? null, visited: new Set(preview.run.inspector?.visitedNodeIds ?? []) } : { active: null, visited: NO_VISITS }),
    [panel, preview.run.inspector],
  );

  // The canvas follows the preview conversation from step to step.
  const activeNodeId = previewMarks.active;
  const { reveal } = actions;
  useEffect(() => {
    if (activeNodeId) reveal(activeNodeId, 0.75);
  }, [activeNodeId, reveal]);

  // A step added by a click or a key takes the focus: left on the palette button, a keyboard or
  // screen-reader user had to hunt for the new card among all the others (and the empty canvas's
  // button disappears, dropping the focus to the page). From the card, Enter opens its settings.
  const announce = useCanvasAnnouncer();
  const addAndFocus = (kind: NodeKind) => {
    const nodeId = actions.addStep(kind);
    focusCard(nodeId);
    announce(`“${getNodeKind(kind).label}” step added and selected. Press Enter to edit it.`);
  };

  const startPreview = () => {
    setPanel("preview");
    void preview.start(document);
  };
  const restoreVersion = async (version: VersionSummary) => {
    const result = await versionDocumentRequest(flowId, version.id);
    if (!result.ok) return tell("error", `Could not restore version ${version.number}: ${result.message}`);
    editor.edit((current) => restoreVersionAsDraft(current, result.data.document));
    editor.select([]);
    setDialog(null);
    tell("info", `Version ${version.number} is now the draft. Undo (Ctrl+Z) to go back; publish to put it live.`);
  };
  // Their version replaces the screen as one undo step, so what this person typed is one Ctrl+Z away (and saves over theirs then).
  const loadTheirVersion = async () => {
    const result = await draftRequest(flowId);
    if (!result.ok) return tell("error", `Could not load the other version: ${result.message}`);
    autosave.adoptServerDraft(result.data.document, result.data.revision);
    editor.edit(() => result.data.document);
    editor.select([]);
    tell("info", "Their version is loaded and your edits are set aside. Undo (Ctrl+Z) to bring yours back and save them over theirs.");
  };
  const settingsProblem = (field: string) => {
    const found = diagnostics.flowLevel.find((diagnostic) => diagnostic.field === field);
    return found ? { severity: found.severity, message: found.message } : undefined;
  };
  const exportDraft = async () => {
    if ((await autosave.flush()) === null) return tell("error", "Export needs the draft saved first: check the save status.");
    window.location.assign(`/flows/${flowId}/export`);
  };

  return (
    <div className="builder">
      <EditorToolbar
        name={document.name}
        published={published}
        unpublishedChanges={unpublishedChanges}
        save={autosave.state}
        invalid={invalid}
        onRetrySave={() => void autosave.flush()}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        onUndo={editor.undo}
        onRedo={editor.redo}
        errors={diagnostics.errors}
        warnings={diagnostics.warnings}
        onShowProblems={() => {
          editor.select([]);
          setPanel("edit");
        }}
        onOpenSettings={() => setDialog("settings")}
        onOpenVersions={() => setDialog("versions")}
        onExport={() => void exportDraft()}
        analytics={analytics}
        previewOpen={panel === "preview"}
        onPreview={() => (panel === "preview" ? setPanel("edit") : startPreview())}
        publishing={publishing}
        onPublish={() => void publish()}
        draftIsLive={published !== null && !unpublishedChanges && autosave.isSaved(document)}
      />
      {data.flow.archived ? (
        <div className="builder-banner" role="status">
          This flow is archived: its chat page takes no new conversations. <Link to="/flows">Restore it from the Flows list</Link> to publish again.
        </div>
      ) : null}
      {autosave.state.kind === "conflict" ? (
        <ConflictBanner
          onLoadLatest={() => void loadTheirVersion()}
          onKeepMine={autosave.overwrite}
        />
      ) : null}
      {staleBuffer ? (
        <StaleBufferBanner
          savedAt={staleBuffer.savedAt}
          onRestore={() => {
            editor.edit(() => staleBuffer.document);
            setStaleBuffer(null);
          }}
          onDiscard={() => {
            clearDraftBuffer(flowId);
            setStaleBuffer(null);
          }}
        />
      ) : null}
      <div className="builder-body">
        <Palette onAdd={addAndFocus} hasEntry={document.nodes.some((node) => getNodeKind(node.kind).role === "entry")} />
        <div
          className="builder-canvas"
          ref={canvasRef}
          onKeyDownCapture={(event) => {
            // Enter on the card that is already the selected one opens its form.
            const nodeId = event.key === "Enter" ? cardOfKeyEvent(event) : null;
            if (!nodeId || selectedNode?.id !== nodeId) return;
            if (focusFirstField(panelRef.current)) {
              event.preventDefault();
              event.stopPropagation();
            }
          }}
        >
          <CardWorkspaceContext.Provider value={cardWorkspace}>
            <Canvas editor={editor} issues={diagnostics.byNode} preview={previewMarks} traffic={analytics.traffic} onDropKind={actions.addStep} />
          </CardWorkspaceContext.Provider>
          <AnalyticsSummary overlay={analytics} flowSlug={data.flow.slug} published={published !== null} />
          {document.nodes.length === 0 ? (
            <div className="canvas-empty">
              <h2>An empty canvas</h2>
              <p>Add “{getNodeKind(ENTRY_KIND).label}” from the list of steps to begin, then the steps your customers go through.</p>
              <button type="button" className="btn btn-primary btn-sm" onClick={() => addAndFocus(ENTRY_KIND)}>
                Add a {getNodeKind(ENTRY_KIND).label} step
              </button>
            </div>
          ) : null}
          {notice ? <NoticeBar key={notice.at} notice={notice} onClose={() => setNotice(null)} /> : null}
        </div>
        <aside
          key={panel === "preview" ? "preview" : (selectedNode?.id ?? (selection.nodes.size > 1 ? "selection" : "problems"))}
          ref={panelRef}
          className="builder-panel nokey"
          aria-label="Side panel"
          onKeyDown={(event) => {
            if (event.key !== "Escape" || panel !== "edit" || !selectedNode || event.defaultPrevented) return;
            reveal(selectedNode.id);
            focusCard(selectedNode.id);
          }}
        >
          {panel === "preview" ? (
            <PreviewPanel
              run={preview.run}
              stale={preview.run.startedWith !== null && preview.run.startedWith !== document}
              onRestart={() => void preview.start(document)}
              onClose={() => setPanel("edit")}
              onSend={preview.send}
              onFeedback={(messageId, helpful) => void preview.giveFeedback(messageId, helpful)}
              onRate={preview.rate}
              onDismiss={preview.dismiss}
            />
          ) : selectedNode ? (
            <SettingsPanel
              flowId={flowId}
              node={selectedNode}
              diagnostics={diagnostics.all.filter((diagnostic) => diagnostic.nodeId === selectedNode.id)}
              teams={data.teams}
              kbTags={data.kbTags}
              credentials={data.credentials}
              fields={knownFields}
              onChange={actions.changeData}
              nodes={document.nodes}
              edges={document.edges}
              onConnect={actions.setNextStep}
              onGoTo={(nodeId) => {
                // The panel is replaced by the next step's: focus moves to its card, where Enter opens its form.
                actions.focusNode(nodeId);
                focusCard(nodeId);
              }}
              onDelete={(nodeId) => actions.deleteNodes([nodeId])}
              onDuplicate={(nodeId) => actions.duplicate([nodeId])}
              onInvalid={setInvalid}
            />
          ) : selection.nodes.size > 1 ? (
            <SelectionPanel
              nodes={document.nodes.filter((node) => selection.nodes.has(node.id))}
              onFocusNode={actions.focusNode}
              onCopy={actions.copy}
              onDuplicate={() => actions.duplicate()}
              onDelete={() => actions.deleteNodes(selection.nodes)}
            />
          ) : (
            <ProblemsPanel diagnostics={diagnostics} nodes={document.nodes} onFocusNode={actions.focusNode} onOpenSettings={() => setDialog("settings")} />
          )}
        </aside>
      </div>
      {/* "nokey" (here and on the palette, panel and toolbar): React Flow's Delete/Backspace act on
          the canvas only, never while focus is on a button elsewhere. */}
      <div className="nokey">
        {dialog === "settings" ? (
          <FlowSettingsDialog
            open
            onClose={() => setDialog(null)}
            name={document.name}
            settings={document.settings}
            teams={data.teams}
            problem={settingsProblem}
            onRename={(name) => editor.edit((current) => renameDocument(current, name), { coalesce: "flow-name" })}
            onChange={(settings) => editor.edit((current) => updateSettings(current, settings), { coalesce: "flow-settings" })}
          />
        ) : null}
        <VersionsDialog flowId={flowId} open={dialog === "versions"} onClose={() => setDialog(null)} onRestore={restoreVersion} />
      </div>
    </div>
  );
}
