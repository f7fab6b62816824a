import { useEffect, useLayoutEffect, useRef, type CSSProperties } from "react";
import { brandingStyle } from "~/branding/branding";
import { useChatBranding } from "../chat-branding";
import { useChatTexts } from "../chat-texts";
import { describeStatus } from "../format";
import type { LoadedConversation } from "../types";
import { useChat } from "../use-chat";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { CsatPrompt } from "./csat-prompt";
import { HandoffNotice } from "./handoff-notice";
import { MessageList } from "./message-list";
import { TypingIndicator } from "./typing-indicator";

type Props = { flow: { slug: string }; initial: LoadedConversation | null; embed: boolean; page: string | null };

// useLayoutEffect warns during server rendering; the scroll only matters in the browser.
const useBrowserLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

export function ChatWindow({ flow, initial, embed, page }: Props) {
  const chat = useChat({ slug: flow.slug, initial, embed, page });
  const texts = useChatTexts();
  const branding = useChatBranding();
  const { state, typing } = chat;
  const { details } = state;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Follow the conversation to the bottom as it grows, unless the customer scrolled up to read.
  // Content also grows without a state change here (times appear after hydration, cards load
  // their fonts), so a ResizeObserver keeps a pinned view at the bottom too.
  const pinnedRef = useRef(true);
  const contentRef = useRef<HTMLDivElement>(null);
  useBrowserLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (scroller && pinnedRef.current) scroller.scrollTop = scroller.scrollHeight;
  }, [state.messages, state.outbox, typing, details.status]);
  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (pinnedRef.current) scroller.scrollTop = scroller.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  const refocus = () => inputRef.current?.focus();
  // Sending means the customer wants to see the answer: follow the bottom again.
  const send = (text: string) => {
    pinnedRef.current = true;
    return chat.send(text);
  };
  // In the widget, the embedding page owns the iframe: closing is a request to it (see public/widget.js).
  const close = embed ? () => window.parent.postMessage({ type: "baton:close" }, "*") : undefined;
  useEffect(() => {
    if (!embed) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") window.parent.postMessage({ type: "baton:close" }, "*");
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [embed]);

  return (
    <div className={`chat-window chat-branded${embed ? " chat-window--embed" : ""}`} style={brandingStyle(branding) as CSSProperties}>
      <ChatHeader
        title={branding.chatTitle}
        // Every language's bot status starts with the word "Bot": the branded name takes its place.
        statusLine={details.status === "bot" ? texts.status.bot.replace(/^Bot\b/, branding.botName) : describeStatus(details.status, details, texts)}
        status={details.status}
        agent={details.status === "open" ? details.assignee : null}
        onClose={close}
      />
      <div
        className="chat-scroll"
        ref={scrollRef}
        onScroll={(event) => {
          const element = event.currentTarget;
          pinnedRef.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
        }}
      >
        <div ref={contentRef}>
          {branding.welcomeLine && <p className="chat-welcome">{branding.welcomeLine}</p>}
          {state.phase === "starting" && state.messages.length === 0 && <TypingIndicator />}
          {state.phase === "failed" && (
            <div className="chat-error" role="alert">
              <p>{texts.startFailed}</p>
              <button type="button" className="chat-pill" onClick={chat.startOver}>
                Try again
              </button>
            </div>
          )}
          <MessageList
            messages={state.messages}
            outbox={state.outbox}
            feedback={details.feedback}
            choicesEnabled={!typing}
            onChoose={(choice) => {
              send(choice);
              refocus();
            }}
            onFeedback={(messageId, helpful) => {
            void chat.giveFeedback(messageId, helpful);
            // The yes/no buttons disappear: keep keyboard focus somewhere useful.
            refocus();
          }}
            onRetry={chat.retry}
            onDismiss={chat.dismiss}
          />
          {typing && <TypingIndicator />}
          {details.status === "waiting" && <HandoffNotice team={details.team} waitMinutes={details.waitMinutes} away={details.away} onLeaveEmail={chat.submitEmail} />}
          {details.status === "resolved" && (
            <>
              <CsatPrompt csat={details.csat} onRate={chat.rate} />
              <div className="chat-restart">
                <button type="button" className="chat-link-button" onClick={chat.startOver}>
                  Start a new conversation
                </button>
              </div>
            </>
          )}
        </div>
      </div>
      {state.connection === "reconnecting" && (
        <div className="chat-connection" role="status">
          Reconnecting… messages you send will be delivered.
        </div>
      )}
      <Composer ref={inputRef} onSend={send} placeholder={details.status === "resolved" ? texts.placeholderAfterEnd : texts.placeholder} />
      {!embed && (
        <p className="chat-footer">
          {texts.poweredBy} <strong>Baton</strong>
        </p>
      )}
    </div>
  );
}
