/**
 * The local safety net of autosave: every edit is written to localStorage at once, and removed
 * only when the server has confirmed that very document. A reload, a crash or a failed save
 * therefore never loses what was typed; on the next load the buffer is offered back.
 */
import { z } from "zod";
import { FlowDocumentSchema, type FlowDocument } from "~/flow/document";

export type DraftBuffer = {
  /** The server revision the edits were made on. */
  baseRevision: number;
  document: FlowDocument;
  savedAt: number;
  /** The browser tab that wrote it: a tab clears only its own buffer after a save. */
  tabId: string;
};

const BufferSchema = z.object({ baseRevision: z.number(), document: FlowDocumentSchema, savedAt: z.number(), tabId: z.string().default("") });

const keyFor = (flowId: string) => `baton.builder.draft.${flowId}`;

export function readDraftBuffer(flowId: string): DraftBuffer | null {
  try {
    const stored = window.localStorage.getItem(keyFor(flowId));
    if (!stored) return null;
    const parsed = BufferSchema.safeParse(JSON.parse(stored));
    return parsed.success ? (parsed.data as DraftBuffer) : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (private mode quota): the UI then says edits are only in memory. */
export function writeDraftBuffer(flowId: string, buffer: DraftBuffer): boolean {
  try {
    window.localStorage.setItem(keyFor(flowId), JSON.stringify(buffer));
    return true;
  } catch {
    return false;
  }
}

export function clearDraftBuffer(flowId: string): void {
  try {
    window.localStorage.removeItem(keyFor(flowId));
  } catch {
    // nothing stored
  }
}

export type InitialDraft =
  | { source: "server"; document: FlowDocument }
  /** Unsaved edits on the current revision: they simply continue (and save). */
  | { source: "buffer"; document: FlowDocument }
  /** Unsaved edits made on an older revision: someone saved since, so the person chooses. */
  | { source: "stale-buffer"; document: FlowDocument; buffer: DraftBuffer };

export function chooseInitialDraft(server: { document: FlowDocument; revision: number }, buffer: DraftBuffer | null): InitialDraft {
  // A buffer the server already has (the tab closed before it was cleared) is no news.
  if (!buffer || JSON.stringify(buffer.document) === JSON.stringify(server.document)) return { source: "server", document: server.document };
  if (buffer.baseRevision === server.revision) return { source: "buffer", document: buffer.document };
  return { source: "stale-buffer", document: server.document, buffer };
}
