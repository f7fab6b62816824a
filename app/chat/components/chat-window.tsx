import { useEffect, useLayoutEffect, useRef, type CSSProperties } from "react";
import { brandingStyle } from "~/branding/branding";
import { useChatBranding } from "../chat-branding";
import { chatTextsFor, ChatTextsContext } from "../chat-texts";
import { describeStatus } from "../format";
import type { LoadedConversation } from "../types";
import { useChat } from "../use-chat";
import { ChatHeader } from "./chat-header";
import { Composer } from "./composer";
import { CsatPrompt } from "./csat-prompt";
import { HandoffNotice } from "./handoff-notice";
import { MessageList } from "./message-list";
import { TypingIndicator } from "./typing-indicator";

/** `locale`: the flow's language, which the page's own texts use until the customer's is known. */
type Props = { flow: { slug: string; locale: string | null }; initial: LoadedConversation | null; embed: boolean; page: string | null; host: string | null };

// useLayoutEffect warns during server rendering; the scroll only matters in the browser.
const useBrowserLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

export function ChatWindow({ flow, initial, embed, page, host }: Props) {
  const chat = useChat({ slug: flow.slug, initial, embed, page, host });
  const branding = useChatBranding();
  const { state, typing } = chat;
  const { details } = state;
  const texts = chatTextsFor(details.language ?? flow.locale);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Follow the conversation to the bottom as it grows, unless the customer scrolled up to read.
  // Content also grows without a state change here (times appear after hydration, cards load
  // their fonts), and the transcript itself shrinks when a long message grows the composer, so a
  // ResizeObserver on both keeps a pinned view at the bottom too.
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
    observer.observe(scroller);
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
    <ChatTextsContext.Provider value={texts}>
      <div className={`chat-window chat-branded${embed ? " chat-window--embed" : ""}`} style={brandingStyle(branding) as CSSProperties}>
        <ChatHeader
          title={branding.chatTitle}
          // Every language's bot status starts with the word "Bot": the branded name takes its place.
          statusLine={details.status === "bot" ? texts.status.bot.replace(/^Bot\b/, branding.botName) : describeStatus(details.status, details, texts)}
          status={details.status}
          agent={details.status === "open" ? details.assignee : null}
          onClose={close}
        />
        {/* A tab stop with a name, so the transcript scrolls with the arrow keys (the customer reads back without a mouse). */}
        <div
          className="chat-scroll"
          ref={scrollRef}
          tabIndex={0}
          role="region"
          aria-label={texts.labels.transcript}
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
                  {texts.actions.tryAgain}
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
              assignee={details.assignee}
            />
            {typing && <TypingIndicator />}
            {/* Always in the page, so screen readers announce the handoff notice and the rating prompt
                when they appear (a live region added together with its content is not announced). */}
            <div className="chat-status-slot" aria-live="polite" aria-relevant="additions">
              {details.status === "waiting" && <HandoffNotice team={details.team} waitMinutes={details.waitMinutes} away={details.away} onLeaveEmail={chat.submitEmail} onEmailSaved={refocus} />}
              {details.status === "resolved" && <CsatPrompt csat={details.csat} onRate={chat.rate} />}
            </div>
            {details.status === "resolved" && (
              <div className="chat-restart">
                <button type="button" className="chat-link-button" onClick={chat.startOver}>
                  {texts.actions.startOver}
                </button>
              </div>
            )}
          </div>
        </div>
        {state.connection === "reconnecting" && (
          <div className="chat-connection" role="status">
            {texts.reconnecting}
          </div>
        )}
        <Composer ref={inputRef} onSend={send} placeholder={details.status === "resolved" ? texts.placeholderAfterEnd : texts.placeholder} />
        {!embed && (
          <p className="chat-footer">
            {texts.poweredBy} <strong>Baton</strong>
          </p>
        )}
      </div>
    </ChatTextsContext.Provider>
  );
}
