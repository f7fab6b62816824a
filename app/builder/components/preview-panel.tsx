/**
 * The preview chat inside the editor: the draft running on the real runtime, with what the bot
 * understood beside the transcript (intent and confidence, captured details, the handoff).
 * The canvas highlights the step the conversation is at.
 */
import { useEffect, useRef } from "react";
import { Composer } from "~/chat/components/composer";
import { CsatPrompt } from "~/chat/components/csat-prompt";
import { MessageList } from "~/chat/components/message-list";
import { TypingIndicator } from "~/chat/components/typing-indicator";
import { Icon } from "~/components/icons";
import { describeField } from "~/nodes/shared/field-name";
import { formatConfidence } from "~/utils/confidence";
import { describePreviewHandoff } from "../preview-handoff";
import type { PreviewRun } from "../use-preview";

type Props = {
  run: PreviewRun;
  stale: boolean;
  onRestart: () => void;
  onClose: () => void;
  onSend: (text: string) => boolean;
  onFeedback: (messageId: string, helpful: boolean) => void;
  onRate: (csat: number) => Promise<boolean>;
  onDismiss: (clientMessageId: string) => void;
};

/** The step could not wait longer for the sentence encoder (BATON_EMBEDDING_DEADLINE_MS): its figure is the words-only one. */
function WordsOnlyNote() {
  return <span className="muted preview-words-only"> · ranked on words alone (matching by meaning was too slow this turn)</span>;
}

function Inspector({ run }: { run: PreviewRun }) {
  const inspector = run.inspector;
  if (!inspector) return null;
  const fields = Object.entries(inspector.fields);
  return (
    <dl className="preview-inspector" aria-label="What the bot knows">
      <div>
        <dt>Intent</dt>
        <dd>
          {inspector.intent ? (
            <>
              {inspector.intent.name ? <strong>{inspector.intent.name.replace(/_/g, " ")}</strong> : <span>Not sure</span>}{" "}
              <span className="confidence">{formatConfidence(inspector.intent.confidence)} confident</span>
              {inspector.intent.confirmed ? <span className="muted"> · picked by the customer</span> : null}
              {inspector.intent.wordsOnly ? <WordsOnlyNote /> : null}
            </>
          ) : (
            <span className="muted">Not detected yet</span>
          )}
        </dd>
      </div>
      {inspector.kb ? (
        <div>
          <dt>Article</dt>
          <dd>
            {inspector.kb.title}
            {inspector.kb.score !== null ? <span className="confidence"> {formatConfidence(inspector.kb.score)} confident</span> : null}
            {inspector.kb.wordsOnly ? <WordsOnlyNote /> : null}
          </dd>
        </div>
      ) : null}
      {inspector.apiCalls.length > 0 ? (
        <div>
          <dt>API calls</dt>
          <dd>
            <ul className="preview-api-calls">
              {inspector.apiCalls.map((call, index) => (
                <li key={index} className={call.ok ? "is-ok" : "is-failed"}>
                  <code className="preview-api-request">
                    {call.method} {call.url}
                  </code>
                  <span className="preview-api-outcome">
                    {call.ok ? `✓ ${call.status}` : `✕ ${call.detail}`}
                    {Object.entries(call.fields).map(([name, value]) => (
                      <span key={name} className="preview-api-field">
                        {" "}
                        · {describeField(name)} = {String(value)}
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Captured</dt>
        <dd>
          {fields.length === 0 ? (
            <span className="muted">Nothing yet</span>
          ) : (
            <ul className="preview-fields">
              {fields.map(([name, value]) => (
                <li key={name}>
                  <span className="muted">{describeField(name)}</span> {String(value)}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

export function PreviewPanel({ run, stale, onRestart, onClose, onSend, onFeedback, onRate, onDismiss }: Props) {
  const bottom = useRef<HTMLDivElement>(null);
  const sending = run.outbox.some((entry) => entry.state === "sending");
  const handoff = run.inspector?.handoff;
  const handoffWords = handoff ? describePreviewHandoff(handoff) : null;
  const ended = run.status === "resolved";
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [run.messages.length, sending, handoff, ended, run.csat]);
  return (
    <section className="builder-panel-section preview-panel" aria-labelledby="preview-heading">
      <header className="panel-header">
        <span className="panel-icon" aria-hidden="true">
          <Icon name="play" size={16} />
        </span>
        <div className="panel-heading">
          <h2 id="preview-heading">Preview</h2>
          <p>Chat with your draft as a customer would. Nothing goes to the inbox.</p>
        </div>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close preview" title="Close preview" onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <div className="panel-tools">
        <button type="button" className="btn btn-secondary btn-sm" onClick={onRestart}>
          <Icon name="restart" size={14} />
          Restart
        </button>
        {stale ? <span className="preview-stale">The flow changed since this run started.</span> : null}
      </div>
      {run.phase === "failed" ? <p className="form-error">Could not start the preview: {run.error}</p> : null}
      <div className="chat-page builder-preview-chat">
        <div className="builder-preview-log">
          <MessageList messages={run.messages} outbox={run.outbox} feedback={run.feedback} choicesEnabled={run.status === "bot"} onChoose={onSend} onFeedback={onFeedback} onRetry={() => undefined} onDismiss={onDismiss} />
          {sending || run.phase === "starting" ? <TypingIndicator /> : null}
          {handoffWords ? (
            <div className="preview-handoff" role="status">
              <span>
                <strong>{handoffWords.title}</strong> · {handoffWords.priority}
              </span>
              <span>{handoffWords.why} In a real conversation an agent of that team answers here.</span>
            </div>
          ) : null}
          {ended ? (
            <>
              {/* What the customer sees at the end on the chat page: the same rating prompt. */}
              <CsatPrompt csat={run.csat} onRate={onRate} />
              <div className="preview-handoff is-ended" role="status">
                The conversation ended{run.csat ? ` and was rated ${run.csat} of 5` : ""}. Preview ratings never count in analytics. Restart to try again.
              </div>
            </>
          ) : null}
          <div ref={bottom} />
        </div>
        <Inspector run={run} />
        {run.status === "bot" && run.phase === "ready" ? <Composer onSend={onSend} placeholder="Type as a customer…" /> : null}
      </div>
    </section>
  );
}
