import { useChatTexts } from "../chat-texts";
import type { OutboxEntry } from "../send-queue";
import { RichText } from "./rich-text";

type Props = { entry: OutboxEntry; onRetry: () => void; onDismiss: () => void };

/** A message the server has not acknowledged yet, with its delivery state. */
export function OutboxBubble({ entry, onRetry, onDismiss }: Props) {
  const texts = useChatTexts();
  return (
    <div className="chat-row chat-row--customer chat-row--first" data-role="customer" data-outbox-state={entry.state}>
      <div className="chat-stack">
        {/* Not read out while on its way: the line is announced once, when the server confirms it
            and it joins the transcript as a message (only the delivery state below is spoken). */}
        <div className="chat-bubble chat-bubble--customer chat-bubble--pending" aria-hidden="true">
          <span className="chat-text">
            <RichText text={entry.text} linkify={false} />
          </span>
        </div>
        <div className="chat-delivery" data-state={entry.state}>
          {entry.state === "failed" ? (
            <>
              <span>{texts.notSent(entry.error ?? "")}</span>
              <button type="button" className="chat-link-button" onClick={onDismiss}>
                {texts.actions.dismiss}
              </button>
            </>
          ) : entry.state === "retrying" ? (
            <>
              <span>{texts.retrying}</span>
              <button type="button" className="chat-link-button" onClick={onRetry}>
                {texts.actions.retryNow}
              </button>
            </>
          ) : (
            <span>{texts.sending}</span>
          )}
        </div>
      </div>
    </div>
  );
}
