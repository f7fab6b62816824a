import { useChatTexts } from "../chat-texts";
import { forwardRef, useState, type KeyboardEvent } from "react";
import { MESSAGE_MAX_LENGTH } from "../send-queue";

const COUNTER_FROM = 3000;

type Props = { onSend: (text: string) => boolean; placeholder: string };

/** Enter sends, Shift+Enter adds a line (and Enter while an IME is composing does nothing). */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ onSend, placeholder }, ref) {
  const texts = useChatTexts();
  const [text, setText] = useState("");
  const empty = text.trim().length === 0;
  const submit = () => {
    if (empty) return;
    if (onSend(text)) setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
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
        maxLength={MESSAGE_MAX_LENGTH}
        rows={1}
        aria-describedby={text.length >= COUNTER_FROM ? "chat-counter" : undefined}
      />
      {text.length >= COUNTER_FROM && (
        <span id="chat-counter" className="chat-composer__counter" data-full={text.length >= MESSAGE_MAX_LENGTH ? "true" : "false"}>
          {text.length}/{MESSAGE_MAX_LENGTH}
        </span>
      )}
      <button type="submit" className="chat-composer__send" disabled={empty} aria-label={texts.actions.send}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 12h14M13 6l6 6-6 6" />
        </svg>
      </button>
    </form>
  );
});
