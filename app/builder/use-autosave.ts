/**
 * Debounced autosave of the draft with a visible state. Every change is buffered in
 * localStorage (draft-buffer.ts) and saved ~0.8 s after typing stops; the rules — serialised
 * saves carrying the revision they were based on, retries with backoff, a conflict that stops
 * autosave until the person picks whose version wins — are the machine in autosave-machine.ts.
 * This hook connects it to the page: the document on screen, the local buffer, page lifecycle.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { createActor, fromPromise, waitFor, type Actor } from "xstate";
import type { FlowDocument } from "~/flow/document";
import { autosaveMachine, describeSaveState, type SaveOutput, type SaveState } from "./autosave-machine";
import { clearDraftBuffer, readDraftBuffer, writeDraftBuffer } from "./draft-buffer";
import { saveDraftRequest } from "./editor-api";

export type { SaveState };

const BUFFER_MS = 250;

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

type AutosaveActor = Actor<typeof autosaveMachine>;

export function useAutosave({ flowId, document, revision, dirty, onSaved }: Options) {
  const [state, setState] = useState<SaveState>(dirty ? { kind: "saving" } : { kind: "saved" });
  const saved = useRef<FlowDocument | null>(dirty ? null : document);
  const latest = useRef(document);
  latest.current = document;
  const tab = useRef("");
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const actorRef = useRef<AutosaveActor | null>(null);
  const initial = useRef({ revision, dirty });

  // The local buffer is written a moment after typing pauses (serialising a large flow on every
  // keystroke costs milliseconds), and at once when the page is hidden, reloaded or closed.
  const bufferTimer = useRef<ReturnType<typeof setTimeout>>();
  const writeBuffer = useCallback(() => {
    clearTimeout(bufferTimer.current);
    bufferTimer.current = undefined;
    if (latest.current === saved.current) return;
    const base = actorRef.current?.getSnapshot().context.revision ?? initial.current.revision;
    writeDraftBuffer(flowId, { baseRevision: base, document: latest.current, savedAt: Date.now(), tabId: tab.current || tabId() });
  }, [flowId]);

  useEffect(() => {
    tab.current = tabId();
    const machine = autosaveMachine.provide({
      actors: {
        save: fromPromise<SaveOutput, { revision: number }>(async ({ input }) => {
          const posted = latest.current;
          return { result: await saveDraftRequest(flowId, input.revision, posted), token: posted };
        }),
      },
      actions: {
        savedDocument: ({ context }) => {
          saved.current = context.storedToken as FlowDocument;
          onSavedRef.current?.({ unpublishedChanges: context.unpublishedChanges });
          if (latest.current === saved.current) {
            const buffer = readDraftBuffer(flowId);
            if (!buffer || buffer.tabId === tab.current) clearDraftBuffer(flowId);
          } else {
            writeDraftBuffer(flowId, { baseRevision: context.revision, document: latest.current, savedAt: Date.now(), tabId: tab.current });
          }
        },
      },
      guards: { hasUnsavedEdits: () => latest.current !== saved.current },
    });
    const actor = createActor(machine, { input: { revision: initial.current.revision } });
    // The same state object while typing: a new one would render the whole editor again per keystroke.
    const subscription = actor.subscribe((snapshot) => {
      const next = describeSaveState(snapshot);
      setState((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    });
    actorRef.current = actor;
    actor.start();
    if (initial.current.dirty) actor.send({ type: "flush" });
    return () => {
      subscription.unsubscribe();
      actor.stop();
      actorRef.current = null;
    };
  }, [flowId]);

  useEffect(() => {
    if (document === saved.current) return;
    clearTimeout(bufferTimer.current);
    bufferTimer.current = setTimeout(writeBuffer, BUFFER_MS);
    actorRef.current?.send({ type: "edit" });
  }, [document, writeBuffer]);

  useEffect(() => {
    const flushBuffer = () => {
      if (bufferTimer.current !== undefined) writeBuffer();
      // Leaving the editor (another page, a closed tab) with edits not yet sent: send them now,
      // best effort. The local buffer keeps them either way.
      const snapshot = actorRef.current?.getSnapshot();
      if (snapshot && latest.current !== saved.current && !snapshot.matches("conflict") && !snapshot.matches("saving")) {
        void saveDraftRequest(flowId, snapshot.context.revision, latest.current, { keepalive: true });
      }
    };
    // Hidden (another tab, a minimised window): the page lives on, so a normal save follows up.
    const onVisibility = () => {
      if (window.document.visibilityState !== "hidden") return;
      if (bufferTimer.current !== undefined) writeBuffer();
      actorRef.current?.send({ type: "flush" });
    };
    const online = () => actorRef.current?.send({ type: "online" });
    window.addEventListener("pagehide", flushBuffer);
    window.addEventListener("online", online);
    window.document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flushBuffer();
      window.removeEventListener("pagehide", flushBuffer);
      window.removeEventListener("online", online);
      window.document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [flowId, writeBuffer]);

  /** Saves what is on screen now; resolves with the revision it is stored under, or null when it could not be saved. */
  const flush = useCallback(async (): Promise<number | null> => {
    const actor = actorRef.current;
    if (!actor) return null;
    actor.send({ type: "flush" });
    const settled = await waitFor(actor, (snapshot) => !snapshot.hasTag("pending"), { timeout: Infinity });
    return settled.matches("saved") && saved.current === latest.current ? settled.context.revision : null;
  }, []);

  /** After publishing: the server rewrote the draft under a new revision with the same content. */
  const adoptRevision = useCallback((next: number) => {
    actorRef.current?.send({ type: "revision", revision: next });
  }, []);

  /** Conflict resolved in favour of this tab: overwrite the other save. */
  const overwrite = useCallback(() => {
    actorRef.current?.send({ type: "overwrite" });
  }, []);

  /**
   * Conflict resolved in favour of the other save: `document` (as stored under `serverRevision`)
   * becomes what is saved; the editor then shows it. Edits made on it save on top of it again.
   */
  const adoptServerDraft = useCallback(
    (document: FlowDocument, serverRevision: number) => {
      clearTimeout(bufferTimer.current);
      bufferTimer.current = undefined;
      saved.current = document;
      clearDraftBuffer(flowId);
      actorRef.current?.send({ type: "adopt", revision: serverRevision });
    },
    [flowId],
  );

  return { state, flush, adoptRevision, overwrite, adoptServerDraft };
}
