import { useChatTexts } from "../chat-texts";
import { forwardRef, useState, type KeyboardEvent } from "react";
import { describeTooLong, measureMessage } from "../message-length";
import { MESSAGE_MAX_LENGTH } from "../send-queue";

type Props = { onSend: (text: string) => boolean; placeholder: string };

/**
 * Enter sends, Shift+Enter adds a line (and Enter while an IME is composing does nothing). A message
 * over the limit is never cut: it stays in the box as typed, a message beside it says by how much,
 * and it cannot be sent until it fits (QA: a pasted text used to lose everything after 4,000 characters).
 */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ onSend, placeholder }, ref) {
  const texts = useChatTexts();
  const [text, setText] = useState("");
  const { length, showCounter, tooLong } = measureMessage(text);
  const tooLongMessage = tooLong ? describeTooLong(length, texts.locale, texts.tooLong) : "";
  // Announced once, when the message goes over the limit: re-announcing each keystroke's count while the customer shortens it would drown them out.
  const [announced, setAnnounced] = useState("");
  if (tooLong !== (announced !== "")) setAnnounced(tooLongMessage);
  const empty = length === 0;
  const submit = () => {
    if (empty || tooLong) return;
    if (onSend(text)) setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const describedBy = [showCounter && "chat-counter", tooLong && "chat-too-long"].filter(Boolean).join(" ");
  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
        // Sent with the button: it disables itself (the box is empty), which would drop focus to the page.
        event.currentTarget.querySelector("textarea")?.focus();
      }}
    >
      <label htmlFor="chat-input" className="sr-only">
        {texts.labels.message}
      </label>
      <textarea
        id="chat-input"
        ref={ref}
        className="chat-composer__input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        rows={1}
        aria-invalid={tooLong || undefined}
        aria-describedby={describedBy || undefined}
      />
      {tooLong && (
        <p id="chat-too-long" className="chat-composer__too-long">
          {tooLongMessage}
        </p>
      )}
      {showCounter && (
        <span id="chat-counter" className="chat-composer__counter" data-full={length >= MESSAGE_MAX_LENGTH ? "true" : "false"}>
          {length}/{MESSAGE_MAX_LENGTH}
        </span>
      )}
      {/* Always in the page, so the message is announced when it appears (a live region added with its content is not). */}
      <span className="sr-only" aria-live="polite">
        {announced}
      </span>
      <button type="submit" className="chat-composer__send" disabled={empty || tooLong} aria-label={texts.actions.send}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 12h14M13 6l6 6-6 6" />
        </svg>
      </button>
    </form>
  );
});
