import { useChatTexts } from "../chat-texts";
import type { ChatSource } from "../types";

type Props = {
  source: ChatSource;
  /** The flow's own "Did this help?" line and its two labels, when it asked; else English defaults. */
  question: { text: string; yes: string; no: string } | null;
  /** The answer already given: true helpful, false not, undefined not yet. */
  answer: boolean | undefined;
  onAnswer: (helpful: boolean) => void;
};

/** The article a KB answer came from, and the "Did this help?" yes/no that goes to /feedback. */
export function KbSourceCard({ source, question, answer, onAnswer }: Props) {
  const texts = useChatTexts();
  const prompt = question ?? { text: texts.kb.question, yes: texts.kb.yes, no: texts.kb.no };
  return (
    <div className="chat-source">
      <div className="chat-source__article">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M4 5a2 2 0 0 1 2-2h12v16H6a2 2 0 0 0-2 2z" />
          <path d="M8 7h6" />
        </svg>
        <span>
          <span className="chat-source__label">{texts.kb.source}</span>
          <span className="chat-source__title">{source.title}</span>
        </span>
      </div>
      <div className="chat-source__feedback" role="group" aria-label={prompt.text}>
        {answer === undefined ? (
          <>
            <span className="chat-source__question">{prompt.text}</span>
            <button type="button" className="chat-pill" onClick={() => onAnswer(true)}>
              <ThumbIcon up />
              {prompt.yes}
            </button>
            <button type="button" className="chat-pill" onClick={() => onAnswer(false)}>
              <ThumbIcon up={false} />
              {prompt.no}
            </button>
          </>
        ) : (
          <span className="chat-source__thanks" role="status">
            {answer ? texts.kb.thanksHelpful : texts.kb.thanksNotHelpful}
          </span>
        )}
      </div>
    </div>
  );
}

function ThumbIcon({ up }: { up: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" style={up ? undefined : { transform: "rotate(180deg)" }}>
      <path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zM7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7" />
    </svg>
  );
}
