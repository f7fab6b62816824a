import { useChatTexts } from "../chat-texts";
import { activeChoicesMessageId, findFeedbackQuestions, isRatingQuestion } from "../merge-messages";
import { visibleOutbox, type OutboxEntry } from "../send-queue";
import type { ChatAgent, ChatMessage } from "../types";
import { ChoiceButtons } from "./choice-buttons";
import { KbSourceCard } from "./kb-source-card";
import { MessageBubble, speakerName } from "./message-bubble";
import { OutboxBubble } from "./outbox-bubble";

type Props = {
  messages: ChatMessage[];
  outbox: OutboxEntry[];
  feedback: Record<string, boolean>;
  /** Quick replies are offered only while nothing is on its way. */
  choicesEnabled: boolean;
  onChoose: (choice: string) => void;
  onFeedback: (messageId: string, helpful: boolean) => void;
  onRetry: () => void;
  onDismiss: (clientMessageId: string) => void;
  /** Who has the conversation: stands in as the author of an (older) agent line that arrives without one. */
  assignee?: ChatAgent | null;
};

/** The transcript as an accessible log: new messages are announced politely by screen readers. */
export function MessageList({ messages, outbox, feedback, choicesEnabled, onChoose, onFeedback, onRetry, onDismiss, assignee = null }: Props) {
  const texts = useChatTexts();
  const folded = findFeedbackQuestions(messages);
  const foldedIds = new Set([...folded.values()].map((question) => question.id));
  const activeChoicesId = activeChoicesMessageId(messages);
  // Agent lines carry their author; one stored before authors were (older conversations) gets it from
  // the page's details, and a screen reader speaks a line once, when it is added: until then name the
  // assigned agent rather than "Agent".
  const shown = messages
    .filter((message) => !foldedIds.has(message.id) && !isRatingQuestion(message))
    .map((message) => (message.role === "agent" && !message.author && assignee ? { ...message, author: assignee } : message));
  const pending = visibleOutbox(outbox);
  return (
    <div className="chat-log" role="log" aria-live="polite" aria-relevant="additions" aria-label={texts.labels.conversation}>
      {shown.map((message, index) => {
        const previous = shown[index - 1];
        const startsGroup = !previous || previous.role !== message.role || speakerName(previous) !== speakerName(message);
        const question = folded.get(message.id);
        return (
          <div key={message.id} className="chat-item">
            <MessageBubble message={message} startsGroup={startsGroup}>
              {message.source && (
                <KbSourceCard
                  source={message.source}
                  question={question ? { text: question.text, yes: question.choices?.[0] ?? "Yes", no: question.choices?.[1] ?? "No" } : null}
                  answer={feedback[message.id]}
                  onAnswer={(helpful) => onFeedback(message.id, helpful)}
                />
              )}
            </MessageBubble>
            {message.id === activeChoicesId && message.choices && choicesEnabled && pending.length === 0 && (
              <ChoiceButtons choices={message.choices} onChoose={onChoose} disabled={false} />
            )}
          </div>
        );
      })}
      {pending.map((entry) => (
        <OutboxBubble key={entry.clientMessageId} entry={entry} onRetry={onRetry} onDismiss={() => onDismiss(entry.clientMessageId)} />
      ))}
    </div>
  );
}
