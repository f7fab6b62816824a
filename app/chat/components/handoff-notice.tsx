import { useChatTexts } from "../chat-texts";
import { formatWait } from "../format";
import type { ChatTeam } from "../types";

/** While the conversation waits in a team's queue: who will answer, where, and roughly when. */
export function HandoffNotice({ team, waitMinutes }: { team: ChatTeam | null; waitMinutes: number | null }) {
  const texts = useChatTexts();
  return (
    <section className="chat-handoff" aria-labelledby="chat-handoff-title">
      <div className="chat-handoff__icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2" />
          <circle cx="9" cy="7" r="4" />
          <path d="M23 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75" />
        </svg>
      </div>
      <div>
        <h2 id="chat-handoff-title" className="chat-handoff__title">
          {texts.queue.title(team?.name ?? null)}
        </h2>
        <p className="chat-handoff__text">
          {texts.queue.text} <strong>{formatWait(waitMinutes, texts)}</strong>.
        </p>
        <p className="chat-handoff__hint">{texts.queue.hint}</p>
      </div>
    </section>
  );
}
