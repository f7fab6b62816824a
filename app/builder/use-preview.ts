/**
 * A preview run of the draft: started with the document on screen, then driven through the
 * public chat API with the run's token like any customer's conversation. After every turn the
 * run's state (active node, captured fields, intent, handoff) is read back for the canvas and
 * the inspector. One message at a time; a failed send stays visible with its reason.
 */
import { useCallback, useRef, useState } from "react";
import { sendFeedback, sendMessage } from "~/chat/chat-api";
import { mergeMessages } from "~/chat/merge-messages";
import { createOutboxEntry, type OutboxEntry } from "~/chat/send-queue";
import type { ChatMessage, ChatStatus, ConversationSession } from "~/chat/types";
import type { FlowDocument } from "~/flow/document";
import type { PreviewState } from "~/flow-admin/preview-state";
import { previewStateRequest, startPreviewRequest } from "./editor-api";

export type PreviewRun = {
  phase: "idle" | "starting" | "ready" | "failed";
  error: string | null;
  session: ConversationSession | null;
  /** The document the run started with (a later edit makes the run stale). */
  startedWith: FlowDocument | null;
  messages: ChatMessage[];
  status: ChatStatus;
  outbox: OutboxEntry[];
  feedback: Record<string, boolean>;
  /** The 1–5 rating given at the end, as on the chat page (preview runs never count in analytics). */
  csat: number | null;
  inspector: PreviewState | null;
};

const IDLE: PreviewRun = { phase: "idle", error: null, session: null, startedWith: null, messages: [], status: "bot", outbox: [], feedback: {}, csat: null, inspector: null };

export function usePreview(flowId: string) {
  const [run, setRun] = useState<PreviewRun>(IDLE);
  const runRef = useRef(run);
  runRef.current = run;
  const sessionRef = useRef<ConversationSession | null>(null);
  // The last run is deleted when the next one starts, also after the panel was closed.
  const lastRunId = useRef<string | undefined>(undefined);

  const inspect = useCallback(
    async (session: ConversationSession) => {
      const result = await previewStateRequest(flowId, session.conversationId);
      if (result.ok && sessionRef.current === session) setRun((current) => ({ ...current, inspector: result.data, status: result.data.status }));
    },
    [flowId],
  );

  const start = useCallback(
    async (document: FlowDocument) => {
      const previous = lastRunId.current;
      sessionRef.current = null;
      setRun({ ...IDLE, phase: "starting", startedWith: document });
      const result = await startPreviewRequest(flowId, document, previous);
      if (!result.ok) {
        setRun({ ...IDLE, phase: "failed", error: result.message, startedWith: document });
        return;
      }
      const session = { conversationId: result.data.conversationId, token: result.data.token };
      sessionRef.current = session;
      lastRunId.current = session.conversationId;
      setRun({ ...IDLE, phase: "ready", session, startedWith: document, messages: result.data.messages, status: result.data.status });
      await inspect(session);
    },
    [flowId, inspect],
  );

  const send = useCallback(
    (text: string): boolean => {
      const session = sessionRef.current;
      const trimmed = text.trim();
      if (!session || !trimmed) return false;
      const entry = { ...createOutboxEntry(trimmed, crypto.randomUUID(), Date.now()), state: "sending" as const, attempts: 1 };
      setRun((current) => ({ ...current, outbox: [...current.outbox, entry] }));
      void sendMessage(session, entry.clientMessageId, trimmed).then(async (result) => {
        if (sessionRef.current !== session) return;
        if (result.kind === "ok") {
          setRun((current) => ({
            ...current,
            messages: mergeMessages(current.messages, result.reply.messages),
            status: result.reply.status,
            outbox: current.outbox.filter((queued) => queued.clientMessageId !== entry.clientMessageId),
          }));
          await inspect(session);
          return;
        }
        const reason = result.kind === "network" ? "The server can't be reached." : (result.message ?? `The server answered ${result.status}.`);
        setRun((current) => ({ ...current, outbox: current.outbox.map((queued) => (queued.clientMessageId === entry.clientMessageId ? { ...queued, state: "failed", error: reason } : queued)) }));
      });
      return true;
    },
    [inspect],
  );

  const giveFeedback = useCallback(
    async (messageId: string, helpful: boolean) => {
      const session = sessionRef.current;
      if (!session) return;
      setRun((current) => ({ ...current, feedback: { ...current.feedback, [messageId]: helpful } }));
      const reply = await sendFeedback(session, { messageId, helpful });
      if (!reply || sessionRef.current !== session) return;
      setRun((current) => ({ ...current, messages: mergeMessages(current.messages, reply.messages), status: reply.status }));
      await inspect(session);
    },
    [inspect],
  );

  /** Resolves false when the rating was not accepted (the earlier rating is shown again). */
  const rate = useCallback(async (csat: number): Promise<boolean> => {
    const session = sessionRef.current;
    if (!session) return false;
    const previous = runRef.current.csat;
    setRun((current) => ({ ...current, csat }));
    const reply = await sendFeedback(session, { csat });
    if (!reply && sessionRef.current === session) setRun((current) => ({ ...current, csat: previous }));
    return reply !== null;
  }, []);

  const dismiss = useCallback((clientMessageId: string) => setRun((current) => ({ ...current, outbox: current.outbox.filter((entry) => entry.clientMessageId !== clientMessageId) })), []);

  const stop = useCallback(() => {
    sessionRef.current = null;
    setRun(IDLE);
  }, []);

  return { run, start, send, giveFeedback, rate, dismiss, stop };
}
