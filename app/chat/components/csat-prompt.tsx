import { useState } from "react";
import { useChatTexts } from "../chat-texts";

type Props = { csat: number | null; onRate: (csat: number) => Promise<boolean> };

/** 1–5 stars once the conversation is resolved. Buttons, so Tab + Enter/Space rate without a mouse. */
export function CsatPrompt({ csat, onRate }: Props) {
  const { rating, labels } = useChatTexts();
  const [hovered, setHovered] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const shown = hovered ?? csat ?? 0;
  const rate = async (value: number) => {
    setFailed(false);
    setFailed(!(await onRate(value)));
  };
  return (
    <section className="chat-csat" aria-labelledby="chat-csat-title">
      <h2 id="chat-csat-title" className="chat-csat__title">
        {csat ? rating.thanks : rating.question}
      </h2>
      <div className="chat-csat__stars" role="group" aria-label={labels.stars} onMouseLeave={() => setHovered(null)}>
        {rating.labels.map((label, index) => {
          const value = index + 1;
          return (
            <button
              key={value}
              type="button"
              className="chat-star"
              data-lit={value <= shown ? "true" : "false"}
              aria-label={labels.star(value, label)}
              aria-pressed={csat === value}
              onMouseEnter={() => setHovered(value)}
              onFocus={() => setHovered(value)}
              onBlur={() => setHovered(null)}
              onClick={() => void rate(value)}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28">
                <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
              </svg>
            </button>
          );
        })}
      </div>
      <p className="chat-csat__caption" aria-live="polite">
        {failed ? rating.failed : shown ? rating.labels[shown - 1] : rating.tap}
      </p>
    </section>
  );
}
