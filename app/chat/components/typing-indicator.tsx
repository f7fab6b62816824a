export function TypingIndicator() {
  return (
    <div className="chat-row chat-row--bot chat-typing" role="status">
      <div className="chat-avatar" aria-hidden="true" data-visible="false" />
      <div className="chat-bubble chat-bubble--bot chat-typing__bubble">
        <span className="sr-only">The bot is typing…</span>
        <span className="chat-typing__dot" aria-hidden="true" />
        <span className="chat-typing__dot" aria-hidden="true" />
        <span className="chat-typing__dot" aria-hidden="true" />
      </div>
    </div>
  );
}
