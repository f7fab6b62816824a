import { useChatTexts } from "../chat-texts";
import type { ChatAgent, ChatStatus } from "../types";
import { BotAvatar } from "./bot-avatar";

/** `title`: the branding's chat title — never the flow's internal name unless the lead typed it there. */
type Props = { title: string; statusLine: string; status: ChatStatus; agent: ChatAgent | null; onClose?: () => void };

export function ChatHeader({ title, statusLine, status, agent, onClose }: Props) {
  const texts = useChatTexts();
  return (
    <header className="chat-header">
      <div className="chat-header__avatar" aria-hidden="true" data-agent={agent ? "true" : "false"}>
        {agent ? agent.initials : <BotAvatar />}
      </div>
      <div className="chat-header__text">
        <h1 className="chat-header__title">{title}</h1>
        <p className="chat-header__status" data-status={status} aria-live="polite">
          <span className="chat-header__dot" aria-hidden="true" />
          <span className="chat-header__status-text">{statusLine}</span>
        </p>
      </div>
      {onClose && (
        <button type="button" className="chat-header__close" onClick={onClose} aria-label={texts.actions.close}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
            <path d="M6 9l6 6 6-6" />
          </svg>
        </button>
      )}
    </header>
  );
}
