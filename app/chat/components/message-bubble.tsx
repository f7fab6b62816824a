import type { ReactNode } from "react";
import { useChatBranding } from "../chat-branding";
import { useChatTexts, type ChatTexts } from "../chat-texts";
import { formatTime } from "../format";
import { useHydrated } from "../use-hydrated";
import type { ChatMessage } from "../types";
import { BotAvatar } from "./bot-avatar";
import { RichText } from "./rich-text";

const SPEAKER: ChatTexts["speakers"] = { customer: "You", bot: "Bot", agent: "Agent", system: "Notice" };

export function speakerName(message: ChatMessage, speakers: ChatTexts["speakers"] = SPEAKER): string {
  return message.role === "agent" && message.author ? message.author.name : speakers[message.role];
}

/** The speaker as a screen reader says it before each line: "Ben, Billing", "Bot" (the visible name above is hidden from it). */
function spokenSpeaker(message: ChatMessage, speakers: ChatTexts["speakers"]): string {
  const name = speakerName(message, speakers);
  return message.role === "agent" && message.author?.team ? `${name}, ${message.author.team}` : name;
}

type Props = {
  message: ChatMessage;
  /** First message of a run from the same speaker: shows the name above it. */
  startsGroup: boolean;
  /** Extra content inside the bubble (the KB source card). */
  children?: ReactNode;
};

/** The page's speaker labels with the bot called by its branded name. */
export function useSpeakers(): ChatTexts["speakers"] {
  const { speakers } = useChatTexts();
  const { botName } = useChatBranding();
  return { ...speakers, bot: botName || speakers.bot };
}

export function MessageBubble({ message, startsGroup, children }: Props) {
  const speakers = useSpeakers();
  const hydrated = useHydrated();
  if (message.role === "system") {
    return (
      <div className="chat-system" data-role="system">
        <span className="sr-only">Notice: </span>
        <RichText text={message.text} linkify={false} />
      </div>
    );
  }
  const fromCustomer = message.role === "customer";
  const time = hydrated ? formatTime(message.createdAt) : "";
  return (
    <div className={`chat-row chat-row--${message.role}${startsGroup ? " chat-row--first" : ""}`} data-role={message.role} data-message-id={message.id}>
      {!fromCustomer && (
        <div className="chat-avatar" aria-hidden="true" data-visible={startsGroup ? "true" : "false"}>
          {message.role === "agent" ? message.author?.initials ?? speakerName(message).slice(0, 1).toUpperCase() : <BotAvatar />}
        </div>
      )}
      <div className="chat-stack">
        {/* Hidden from screen readers: the bubble's own "… said:" names the speaker (else "Bot Bot said:"). */}
        {startsGroup && !fromCustomer && (
          <div className="chat-author" aria-hidden="true">
            {speakerName(message, speakers)}
            {message.role === "agent" && message.author?.team ? <span className="chat-author__team">{message.author.team}</span> : null}
          </div>
        )}
        <div className={`chat-bubble chat-bubble--${message.role}`} title={time || undefined}>
          <span className="sr-only">{fromCustomer ? "You said: " : `${spokenSpeaker(message, speakers)} said: `}</span>
          <span className="chat-text">
            <RichText text={message.text} linkify={!fromCustomer} />
          </span>
          {children}
        </div>
        {time && (
          <time className="chat-time" dateTime={message.createdAt}>
            {time}
          </time>
        )}
      </div>
    </div>
  );
}

export function BotIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="4" y="8" width="16" height="12" rx="3" />
      <path d="M12 8V4M9 14h.01M15 14h.01" />
    </svg>
  );
}
