/**
 * Debounced autosave of the draft with a visible state. Every change is buffered in
 * localStorage at once (draft-buffer.ts) and saved ~0.8 s after typing stops; saves are
 * serialised and carry the revision they were based on. A failed save is retried with backoff
 * (and when the browser comes back online); a conflict — another tab or person saved in
 * between — stops autosave until the person picks whose version wins.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { FlowDocument } from "~/flow/document";
import { clearDraftBuffer, readDraftBuffer, writeDraftBuffer } from "./draft-buffer";
import { saveDraftRequest } from "./editor-api";

export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; serverRevision: number };

const DEBOUNCE_MS = 800;
const BUFFER_MS = 250;
const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

/** One id per browser tab (kept across reloads of that tab), so a tab clears only its own buffer. */
function tabId(): string {
  try {
    const known = window.sessionStorage.getItem("baton.builder.tab");
    if (known) return known;
    const id = crypto.randomUUID();
    window.sessionStorage.setItem("baton.builder.tab", id);
    return id;
  } catch {
    return "tab";
  }
}

type Options = {
  flowId: string;
  document: FlowDocument;
  revision: number;
  /** The document came from the local buffer and still has to reach the server. */
  dirty: boolean;
  onSaved?: (result: { unpublishedChanges: boolean }) => void;
};

export function useAutosave({ flowId, document, revision: initialRevision, dirty, onSaved }: Options) {
  const [state, setState] = useState<SaveState>(dirty ? { kind: "saving" } : { kind: "saved" });
  const revision = useRef(initialRevision);
  const saved = useRef<FlowDocument | null>(dirty ? null : document);
  const latest = useRef(document);
  latest.current = document;
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const failures = useRef(0);
  const conflicted = useRef(false);
  const tab = useRef("");
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const schedule = useCallback((delay: number, run: () => void) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, delay);
  }, []);

  const saveNow = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    const document = latest.current;
    if (document === saved.current || conflicted.current) return;
    setState({ kind: "saving" });
    const attempt = (async () => {
      const result = await saveDraftRequest(flowId, revision.current, document);
      if (result.ok) {
        failures.current = 0;
        revision.current = result.data.revision;
        saved.current = document;
        onSavedRef.current?.({ unpublishedChanges: result.data.unpublishedChanges });
        if (latest.current === document) {
          const buffer = readDraftBuffer(flowId);
          if (!buffer || buffer.tabId === tab.current) clearDraftBuffer(flowId);
          setState({ kind: "saved" });
        } else {
          writeDraftBuffer(flowId, { baseRevision: revision.current, document: latest.current, savedAt: Date.now(), tabId: tab.current });
          schedule(DEBOUNCE_MS, () => void saveNow());
        }
        return;
      }
      if (result.status === 409) {
        conflicted.current = true;
        setState({ kind: "conflict", serverRevision: Number(result.body?.revision ?? revision.current) });
        return;
      }
      setState({ kind: "error", message: result.message });
      // A refused document (400) will be refused again; anything else is worth retrying.
      if (result.status === 400) return;
      const delay = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)];
      failures.current += 1;
      schedule(delay, () => void saveNow());
    })();
    inFlight.current = attempt;
    try {
      await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [flowId, schedule]);

  useEffect(() => {
    tab.current = tabId();
  }, []);

  // The local buffer is written a moment after typing pauses (serialising a large flow on every
  // keystroke costs milliseconds), and at once when the page is hidden, reloaded or closed.
  const bufferTimer = useRef<ReturnType<typeof setTimeout>>();
  const writeBuffer = useCallback(() => {
    clearTimeout(bufferTimer.current);
    bufferTimer.current = undefined;
    if (latest.current === saved.current) return;
    writeDraftBuffer(flowId, { baseRevision: revision.current, document: latest.current, savedAt: Date.now(), tabId: tab.current || tabId() });
  }, [flowId]);

  useEffect(() => {
    if (document === saved.current) return;
    clearTimeout(bufferTimer.current);
    bufferTimer.current = setTimeout(writeBuffer, BUFFER_MS);
    if (conflicted.current) return;
    // The same state object while typing: a new one would render the whole editor again per keystroke.
    setState((current) => (current.kind === "error" || current.kind === "saving" ? current : { kind: "saving" }));
    schedule(DEBOUNCE_MS, () => void saveNow());
  }, [document, saveNow, schedule, writeBuffer]);

  useEffect(() => {
    const flushBuffer = () => {
      if (bufferTimer.current !== undefined) writeBuffer();
      // Leaving the editor (another page, a closed tab) with edits not yet sent: send them now,
      // best effort. The local buffer keeps them either way.
      if (latest.current !== saved.current && !conflicted.current && !inFlight.current) {
        void saveDraftRequest(flowId, revision.current, latest.current, { keepalive: true });
      }
    };
    // Hidden (another tab, a minimised window): the page lives on, so a normal save follows up.
    const onVisibility = () => {
      if (window.document.visibilityState !== "hidden") return;
      if (bufferTimer.current !== undefined) writeBuffer();
      void saveNow();
    };
    window.addEventListener("pagehide", flushBuffer);
    window.document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flushBuffer();
      window.removeEventListener("pagehide", flushBuffer);
      window.document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [flowId, writeBuffer, saveNow]);

  useEffect(() => {
    const online = () => void saveNow();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(timer.current);
    };
  }, [saveNow]);

  /** Saves what is on screen now; resolves with the revision it is stored under, or null when it could not be saved. */
  const flush = useCallback(async (): Promise<number | null> => {
    await saveNow();
    return saved.current === latest.current && !conflicted.current ? revision.current : null;
  }, [saveNow]);

  /** After publishing: the server rewrote the draft under a new revision with the same content. */
  const adoptRevision = useCallback((next: number) => {
    revision.current = next;
  }, []);

  /** Conflict resolved in favour of this tab: overwrite the other save. */
  const overwrite = useCallback(() => {
    if (state.kind !== "conflict") return;
    revision.current = state.serverRevision;
    conflicted.current = false;
    saved.current = null;
    void saveNow();
  }, [state, saveNow]);

  /**
   * Conflict resolved in favour of the other save: `document` (as stored under `serverRevision`)
   * becomes what is saved; the editor then shows it. Edits made on it save on top of it again.
   */
  const adoptServerDraft = useCallback(
    (document: FlowDocument, serverRevision: number) => {
      clearTimeout(timer.current);
      clearTimeout(bufferTimer.current);
      bufferTimer.current = undefined;
      revision.current = serverRevision;
      saved.current = document;
      conflicted.current = false;
      failures.current = 0;
      clearDraftBuffer(flowId);
      setState({ kind: "saved" });
    },
    [flowId],
  );

  /** This exact document is what the server has (no edit waiting for the debounce or in flight). */
  const isSaved = useCallback((document: FlowDocument) => saved.current === document && state.kind === "saved", [state]);
  return { state, flush, adoptRevision, overwrite, adoptServerDraft, isSaved };
}
