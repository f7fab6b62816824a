/**
 * The agent's composer: "Reply" (the customer sees it live) or "Internal note" (agents only).
 * Enter sends, Shift+Enter starts a new line. Each message carries a clientMessageId chosen
 * when it is composed, so a resend of the same message (a retry after a lost answer, a double
 * submit) is stored once. The draft and its id survive a reload (sessionStorage), so does a
 * message whose answer never came.
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Icon } from "~/components/icons";
import { parseSentLine } from "../sent-lines";
import type { SavedReplyItem, TimelineMessage } from "../view";
import { SavedReplyPicker } from "./saved-reply-picker";

export type ComposerMode = "reply" | "note";
type Draft = { mode: ComposerMode; text: string; clientMessageId: string };
/** A line the agent sent that the server has not confirmed yet ("sent": confirmed, but its answer carried no stored line). */
export type PendingLine = { text: string; role: "agent" | "note"; state: "sending" | "retrying" | "sent" };

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function draftKey(conversationId: string) {
  return `baton-inbox-draft:${conversationId}`;
}

function readDraft(conversationId: string): Draft | null {
  try {
    const raw = window.sessionStorage.getItem(draftKey(conversationId));
    const draft = raw ? (JSON.parse(raw) as Partial<Draft>) : null;
    if (draft && (draft.mode === "reply" || draft.mode === "note") && typeof draft.text === "string" && typeof draft.clientMessageId === "string") {
      return draft as Draft;
    }
  } catch {
    // storage unavailable or garbled: start empty
  }
  return null;
}

function writeDraft(conversationId: string, draft: Draft | null) {
  try {
    if (draft && draft.text) window.sessionStorage.setItem(draftKey(conversationId), JSON.stringify(draft));
    else window.sessionStorage.removeItem(draftKey(conversationId));
  } catch {
    // a draft that cannot be kept is only a convenience lost
  }
}

type Props = {
  conversationId: string;
  canReply: boolean;
  /** Why replying is not possible (resolved, with the bot); notes still are. */
  replyBlockedReason: string | null;
  waiting: boolean;
  savedReplies: SavedReplyItem[];
  /** The conversation's team, named when it has no saved replies yet. */
  teamName: string | null;
  onPending: (pending: PendingLine | null) => void;
  /** The server stored it: the line as the transcript will show it. */
  onStored: (line: TimelineMessage) => void;
};

type Delivery = { ok: true; line: TimelineMessage | null } | { ok: false; message: string };

const RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

/**
 * Posts one message, retrying lost answers and 5xx with the SAME clientMessageId (so a retry
 * of a message the server already stored is answered "sent", not stored twice). A 4xx answer
 * is final: the server refused it and says why.
 */
async function deliver(conversationId: string, message: Draft, onRetrying: () => void): Promise<Delivery> {
  const body = new FormData();
  body.set("intent", message.mode);
  body.set("clientMessageId", message.clientMessageId);
  body.set("text", message.text);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(`/inbox/${encodeURIComponent(conversationId)}/messages`, { method: "POST", body, headers: { Accept: "application/json" }, redirect: "manual" });
      if (response.type === "opaqueredirect") return { ok: false, message: "You were signed out. Sign in again, then send it." };
      if (response.ok) return { ok: true, line: parseSentLine(await response.json().catch(() => null)) };
      if (response.status < 500) {
        const answer = (await response.json().catch(() => null)) as { message?: string } | null;
        return { ok: false, message: answer?.message ?? (response.status === 403 ? "This conversation is no longer with your team." : "Not sent.") };
      }
    } catch {
      // the request or its answer was lost: try again
    }
    if (attempt >= RETRY_DELAYS_MS.length) return { ok: false, message: "Not sent: the connection keeps failing. Press Enter to try again." };
    onRetrying();
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
}

export function ReplyComposer({ conversationId, canReply, replyBlockedReason, waiting, savedReplies, teamName, onPending, onStored }: Props) {
  const revalidator = useRevalidator();
  // The id is never rendered, so making it on the server and again in the browser is harmless.
  // "reply" even while replying is blocked (resolved, with the bot): `mode` below shows a note
  // then, and once the agent reopens or claims, the composer is back on Reply. Starting on "note"
  // kept a conversation opened while resolved on Internal note after Reopen, so the agent's next
  // words to the customer became a note the customer never saw.
  const [draft, setDraft] = useState<Draft>(() => ({ mode: "reply", text: "", clientMessageId: newId() }));
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<Draft | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const mode: ComposerMode = canReply ? draft.mode : "note";

  // A draft kept from before a reload comes back, with its id; otherwise what is typed stays.
  useEffect(() => {
    const stored = readDraft(conversationId);
    if (stored) setDraft(stored);
  }, [conversationId]);

  // A message in flight is kept as the draft until it is confirmed: a reload resends the same id.
  useEffect(() => writeDraft(conversationId, draft.text ? draft : sending), [conversationId, draft, sending]);

  const send = async () => {
    const text = draft.text.trim();
    if (!text || sending) return;
    const message: Draft = { mode, text, clientMessageId: draft.clientMessageId || newId() };
    setSending(message);
    setError(null);
    const role = mode === "note" ? "note" : "agent";
    onPending({ text, role, state: "sending" });
    // A note sent while replying is blocked was no choice of the agent's: the empty box goes back to Reply for when it is unblocked.
    setDraft({ mode: canReply ? mode : "reply", text: "", clientMessageId: newId() });
    const delivery = await deliver(conversationId, message, () => onPending({ text, role, state: "retrying" }));
    setSending(null);
    if (delivery.ok) {
      if (delivery.line) onStored(delivery.line);
      else onPending({ text, role, state: "sent" });
      revalidator.revalidate();
      return;
    }
    onPending(null);
    setError(delivery.message);
    // Back into the box, with its id, unless the agent already started the next one; the tab stays the agent's choice.
    setDraft((current) => (current.text ? current : { ...message, mode: current.mode }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  const insert = (text: string) => {
    const element = input.current;
    const start = element?.selectionStart ?? draft.text.length;
    const end = element?.selectionEnd ?? draft.text.length;
    setDraft({ ...draft, text: draft.text.slice(0, start) + text + draft.text.slice(end) });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <div className={`composer composer--${mode}`}>
      <div className="composer__tabs" role="group" aria-label="Write a">
        <button
          type="button"
          aria-pressed={mode === "reply"}
          className="composer__tab"
          data-shortcut="reply"
          disabled={!canReply}
          title={canReply ? undefined : replyBlockedReason ?? undefined}
          onClick={() => setDraft({ ...draft, mode: "reply" })}
        >
          Reply
        </button>
        <button type="button" aria-pressed={mode === "note"} className="composer__tab" data-shortcut="note" onClick={() => setDraft({ ...draft, mode: "note" })}>
          <Icon name="lock" size={13} />
          Internal note
        </button>
        <span className="composer__hint">
          {mode === "note" ? "Only your team sees notes." : waiting ? "Replying assigns it to you." : "The customer sees this at once."}
        </span>
      </div>
      <textarea
        ref={input}
        className="composer__input"
        data-shortcut="composer"
        aria-label={mode === "note" ? "Internal note" : "Reply"}
        placeholder={mode === "note" ? "Write a note for your team…" : canReply ? "Write a reply…" : replyBlockedReason ?? ""}
        value={draft.text}
        rows={3}
        maxLength={4000}
        // Only the text: `mode` is forced to a note while replying is blocked, and writing it into the draft kept the composer on Internal note after Reopen.
        onChange={(event) => setDraft({ ...draft, text: event.target.value })}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p className="composer__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="composer__bar">
        {mode === "reply" ? <SavedReplyPicker replies={savedReplies} teamName={teamName} onPick={insert} /> : <span />}
        <span className="composer__keys" aria-hidden="true">
          <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
        </span>
        <button type="button" className="btn btn-primary btn-sm" onClick={() => void send()} disabled={sending !== null || !draft.text.trim()}>
          <Icon name={mode === "note" ? "note" : "send"} size={14} />
          {mode === "note" ? "Add note" : "Send"}
        </button>
      </div>
    </div>
  );
}
