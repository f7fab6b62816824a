/**
 * The third pane: who the customer is and where the conversation stands, its actions, the
 * transcript and the composer; the handoff packet to the right. On a phone it is the only pane:
 * "Back" returns to the list it was opened from, and opening it moves focus to it.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Icon } from "~/components/icons";
import { contactLabel } from "../queues";
import { withSentLines } from "../sent-lines";
import type { ConversationTools, ConversationView, TimelineMessage } from "../view";
import { ActionBanner, ConversationActions } from "./conversation-actions";
import { ConversationOrganise, LabelPills } from "./conversation-organise";
import { EmailText } from "./email-text";
import { SnoozePill } from "./snooze-pill";
import { PacketPanel } from "./packet-panel";
import { ReplyComposer, type PendingLine } from "./reply-composer";
import { Timeline } from "./timeline";
import { CONVERSATION_INTENTS } from "../intents";
import { isPhoneLayout } from "../phone-layout";
import { BackToList } from "./back-to-list";

type Props = { view: ConversationView; tools: ConversationTools; meId: string };

const STATUS_LABEL: Record<ConversationView["status"], string> = { bot: "With the bot", waiting: "Waiting", open: "Open", resolved: "Resolved" };

export function ConversationPane({ view, tools, meId }: Props) {
  const name = contactLabel({ id: view.id, contactName: view.contact?.name ?? null, contactEmail: view.contact?.email ?? null });
  const [pending, setPending] = useState<(PendingLine & { baseline: number }) | null>(null);
  // The sent line gives way to the stored one as soon as the transcript shows one more line with its text.
  const timeline = useRef(view.timeline);
  timeline.current = view.timeline;
  const countOf = (line: PendingLine) => timeline.current.filter((item) => item.kind === "message" && item.role === line.role && item.text === line.text).length;
  // Replies and notes sent from this pane: the action banner's "done" is stale after one.
  const [sentCount, setSentCount] = useState(0);
  const onPending = useCallback((next: PendingLine | null) => {
    if (next?.state === "sending") setSentCount((count) => count + 1);
    setPending((current) => {
      if (!next) return null;
      if (next.state === "sending") return { ...next, baseline: countOf(next) };
      // "retrying"/"sent" only update a line still shown: one the transcript already brought stays gone.
      return current && current.text === next.text ? { ...next, baseline: current.baseline } : null;
    });
  }, []);
  const shownPending = pending && countOf(pending) > pending.baseline ? null : pending;
  // What the server stored shows as sent at once, before the page's re-read brings the same line.
  const [sentLines, setSentLines] = useState<TimelineMessage[]>([]);
  const onStored = useCallback((line: TimelineMessage) => {
    setPending(null);
    setSentLines((lines) => [...lines, line]);
  }, []);
  const items = withSentLines(view.timeline, sentLines);
  useMarkRead(view, meId);
  // Below 1100 px there is no room for the packet beside the transcript: a button opens it over it.
  const [detailsOpen, setDetailsOpen] = useState(false);
  const packetId = useId();
  const detailsButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // On a phone the row that opened it is gone from the screen: focus moves to the conversation.
  useEffect(() => {
    if (isPhoneLayout()) heading.current?.focus();
  }, []);
  const replyBlockedReason = view.status === "resolved" ? "Reopen the conversation to reply." : view.status === "bot" ? "The bot has this conversation." : null;
  return (
    <div className="convo">
      <section className="convo-main" aria-label={`Conversation with ${name}`}>
        <header className="convo-head">
          <BackToList returnFocusTo={view.id} />
          <div className="convo-head__who">
            <h2 ref={heading} tabIndex={-1}>{name.includes("@") ? <EmailText email={name} /> : name}</h2>
            <p className="convo-head__meta">
              <span className={`status status--${view.status}`}>{STATUS_LABEL[view.status]}</span>
              {view.team ? <span>{view.team.name}</span> : null}
              <span>{view.assignee ? `Assigned to ${view.assignee.id === meId ? "you" : view.assignee.name}` : view.status === "waiting" ? "Unassigned" : ""}</span>
            </p>
            {view.snoozedUntil || view.labels.length ? (
              <p className="convo-head__tags">
                {view.snoozedUntil ? <SnoozePill until={view.snoozedUntil} /> : null}
                <LabelPills view={view} canEdit={tools.canAct} />
              </p>
            ) : null}
          </div>
          <div className="convo-head__tools">
            {tools.canAct ? <ConversationOrganise view={view} tools={tools} /> : null}
            <ConversationActions view={view} tools={tools} meId={meId} />
            <button
              ref={detailsButton}
              type="button"
              className={`btn btn-secondary btn-sm btn-icon-sm convo-details-toggle${detailsOpen ? " is-active" : ""}`}
              aria-label="Handoff details"
              title="Handoff details"
              aria-expanded={detailsOpen}
              aria-controls={packetId}
              onClick={() => setDetailsOpen((open) => !open)}
            >
              <Icon name="info" size={14} />
            </button>
          </div>
        </header>
        <ActionBanner conversationId={view.id} sentCount={sentCount} />
        <Timeline items={items} contactName={name} pending={shownPending} />
        {tools.canAct ? (
          <ReplyComposer
            conversationId={view.id}
            canReply={replyBlockedReason === null}
            replyBlockedReason={replyBlockedReason}
            waiting={view.status === "waiting"}
            savedReplies={tools.savedReplies}
            teamName={view.team?.name ?? null}
            onPending={onPending}
            onStored={onStored}
          />
        ) : (
          <p className="convo-readonly">{view.status === "bot" ? "The bot is handling this conversation. It appears in your team's queue if it is handed off." : "You can read this conversation but not act on it."}</p>
        )}
      </section>
      <PacketPanel
        view={view}
        id={packetId}
        open={detailsOpen}
        onClose={() => {
          setDetailsOpen(false);
          detailsButton.current?.focus();
        }}
      />
    </div>
  );
}

/** Opening a conversation (or seeing new lines in it) reads it for whoever is responsible. */
function useMarkRead(view: ConversationView, meId: string) {
  const { submit } = useFetcher({ key: `read-${view.id}` });
  const responsible = !view.assignee || view.assignee.id === meId;
  // Once per transcript length: a read that changed nothing must not be posted again and again.
  const postedAt = useRef(-1);
  const length = view.timeline.length;
  useEffect(() => {
    if (view.unread === 0 || !responsible || postedAt.current === length) return;
    postedAt.current = length;
    submit({ intent: CONVERSATION_INTENTS.read }, { method: "post" });
  }, [view.unread, responsible, length, submit]);
}
