/**
 * The chat page's client logic: starts (or resumes) the conversation, sends the outbox with
 * retries, listens to live events, and exposes the customer's actions. State transitions live
 * in chat-state.ts; this hook only wires them to the network, timers and storage.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { getConversation, getDetails, leaveEmail, parseMessage, sendFeedback, sendMessage, startConversation } from "./chat-api";
import { chatReducer, initialChatState, EMPTY_DETAILS, isBotTyping } from "./chat-state";
import { openEventStream } from "./event-stream";
import { createOutboxEntry, MESSAGE_MAX_LENGTH, nextToSend, nextWakeUp, parseStoredOutbox, serializeOutbox } from "./send-queue";
import { connectHost } from "./host-bridge";
import { createChatStorage, localStorageWorks } from "./storage";
import { isChatStatus, type ConversationSession, type LoadedConversation } from "./types";

/** `host`: in the widget, the embedding page's origin (widget.js keeps the conversation in its storage). */
type Options = { slug: string; initial: LoadedConversation | null; embed: boolean; page: string | null; host: string | null };

export function useChat({ slug, initial, embed, page, host }: Options) {
  const [state, dispatch] = useReducer(chatReducer, initial, initialChatState);
  const { session } = state;
  const startedRef = useRef(false);
  const site = embed ? host : null;
  const [pageStorage] = useState(() => createChatStorage({ embed, site }));
  const storage = useRef(pageStorage);
  // The embedding page is asked once, before the first start, and only where the iframe's own
  // storage fails: its copy would otherwise reach the site's scripts for nothing.
  const hostAsked = useRef(false);

  const begin = useCallback(
    async (resume: boolean) => {
      try {
        if (site && !hostAsked.current) {
          hostAsked.current = true;
          const connected = localStorageWorks() ? null : await connectHost(site);
          if (connected) storage.current = createChatStorage({ embed, site, host: connected });
        }
        const stored = resume ? storage.current.readSession(slug) : null;
        if (stored) {
          const [reply, details] = await Promise.all([getConversation(stored), getDetails(slug, stored)]);
          if (reply && details) {
            dispatch({ type: "started", conversation: { ...stored, messages: reply.messages, details: { ...details, status: reply.status } } });
            return;
          }
        }
        const started = await startConversation(slug, { channel: embed ? "widget" : "web", ...(page ? { page } : {}) });
        dispatch({
          type: "started",
          conversation: { conversationId: started.conversationId, token: started.token, messages: started.messages, details: { ...EMPTY_DETAILS, status: started.status } },
        });
      } catch {
        dispatch({ type: "startFailed" });
      }
    },
    [slug, embed, page, site],
  );

  // The greeting shows at once, like Intercom: the conversation starts when the page opens.
  useEffect(() => {
    if (startedRef.current || initial) return;
    startedRef.current = true;
    void begin(true);
  }, [begin, initial]);

  useEffect(() => {
    if (!session) return;
    storage.current.storeSession(slug, session);
    const stored = parseStoredOutbox(storage.current.readOutbox(session.conversationId), Date.now());
    if (stored.length > 0) dispatch({ type: "restoredOutbox", entries: stored });
  }, [slug, session]);

  useEffect(() => {
    if (session) storage.current.storeOutbox(session.conversationId, serializeOutbox(state.outbox));
  }, [session, state.outbox]);

  // The send loop: re-runs whenever the outbox changes, sends the due head entry or sleeps until it is due.
  const [tick, wake] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (!session) return;
    const now = Date.now();
    const due = nextToSend(state.outbox, now);
    if (due) {
      dispatch({ type: "sending", clientMessageId: due.clientMessageId });
      void sendMessage(session, due.clientMessageId, due.text).then((result) => dispatch({ type: "sent", clientMessageId: due.clientMessageId, result, now: Date.now() }));
      return;
    }
    const wakeAt = nextWakeUp(state.outbox);
    if (wakeAt === null) return;
    const timer = setTimeout(wake, Math.max(0, wakeAt - now));
    return () => clearTimeout(timer);
  }, [session, state.outbox, tick]);

  useEffect(() => {
    const online = () => dispatch({ type: "retryNow", now: Date.now() });
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, []);

  // Details (team, wait estimate, agent names) change with the status and with agent replies.
  const detailsTimer = useRef<ReturnType<typeof setTimeout>>();
  const refreshDetails = useCallback(
    (current: ConversationSession) => {
      clearTimeout(detailsTimer.current);
      detailsTimer.current = setTimeout(() => {
        void getDetails(slug, current).then((details) => details && dispatch({ type: "detailsLoaded", details }));
      }, 250);
    },
    [slug],
  );

  useEffect(() => {
    if (!session) return;
    const close = openEventStream({
      url: `/api/conversations/${encodeURIComponent(session.conversationId)}/events`,
      token: session.token,
      onStateChange: (connection) => dispatch({ type: "connection", state: connection }),
      onOpen: () => {
        // Whatever happened while the stream was down (or before it opened) comes from a full read.
        void getConversation(session).then((reply) => reply && dispatch({ type: "received", messages: reply.messages, status: reply.status }));
      },
      onEvent: (event) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        if (event.event === "message") {
          const message = parseMessage(data);
          if (!message) return;
          dispatch({ type: "received", messages: [message] });
          if (message.role === "agent" && !message.author) refreshDetails(session);
        } else if (event.event === "status") {
          const { status, team } = data as { status?: unknown; team?: { slug: string; name: string } | null };
          if (!isChatStatus(status)) return;
          dispatch({ type: "statusChanged", status, team: team ?? null });
        }
      },
    });
    return () => {
      close();
      clearTimeout(detailsTimer.current);
    };
  }, [session, refreshDetails]);

  // Whatever reported the new status (a POST reply, a live event, a resync), the team, wait
  // estimate and assignee that go with it come from the details endpoint.
  const status = state.details.status;
  const previousStatus = useRef(status);
  useEffect(() => {
    if (!session || previousStatus.current === status) return;
    previousStatus.current = status;
    refreshDetails(session);
  }, [session, status, refreshDetails]);

  const send = useCallback((text: string) => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > MESSAGE_MAX_LENGTH) return false;
    dispatch({ type: "enqueued", entry: createOutboxEntry(trimmed, crypto.randomUUID(), Date.now()) });
    return true;
  }, []);

  const giveFeedback = useCallback(
    async (messageId: string, helpful: boolean) => {
      if (!session) return;
      dispatch({ type: "feedbackStarted", messageId, helpful });
      const reply = await sendFeedback(session, { messageId, helpful }).catch(() => null);
      if (reply) dispatch({ type: "received", messages: reply.messages, status: reply.status });
      dispatch({ type: "feedbackFinished", messageId, ok: reply !== null });
    },
    [session],
  );

  const rate = useCallback(
    async (csat: number) => {
      if (!session) return false;
      const previous = state.details.csat;
      dispatch({ type: "rated", csat });
      const reply = await sendFeedback(session, { csat }).catch(() => null);
      if (!reply) dispatch({ type: "rated", csat: previous });
      // A details read started by the resolve may land after this rating, still without it: read again.
      else refreshDetails(session);
      return reply !== null;
    },
    [session, state.details.csat, refreshDetails],
  );

  const submitEmail = useCallback(
    async (email: string) => {
      if (!session) return false;
      const details = await leaveEmail(slug, session, email);
      if (details) dispatch({ type: "detailsLoaded", details });
      return details !== null;
    },
    [slug, session],
  );

  const retry = useCallback(() => dispatch({ type: "retryNow", now: Date.now() }), []);
  const dismiss = useCallback((clientMessageId: string) => dispatch({ type: "dismissed", clientMessageId }), []);
  const startOver = useCallback(() => void begin(false), [begin]);

  return { state, typing: isBotTyping(state), send, giveFeedback, rate, submitEmail, retry, dismiss, startOver };
}
