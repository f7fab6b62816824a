import { useState } from "react";
import { focusDroppedOrWithin } from "~/components/focus-dropped";
import { useChatTexts } from "../chat-texts";
import { describeAwayOpening, formatWait } from "../format";
import type { ChatAway, ChatTeam } from "../types";

type Props = {
  team: ChatTeam | null;
  waitMinutes: number | null;
  away: ChatAway | null;
  onLeaveEmail: (email: string) => Promise<boolean>;
  /** After the email is saved its form gives way to a thank-you line: where focus goes instead of <body>. */
  onEmailSaved: () => void;
};

/**
 * While the conversation waits in a team's queue: who will answer, where, and roughly when. When
 * the team is closed or nobody of it is online, it says so (with when the team opens, in its time
 * zone) instead of promising the usual wait, and offers to leave an email.
 */
export function HandoffNotice({ team, waitMinutes, away, onLeaveEmail, onEmailSaved }: Props) {
  const texts = useChatTexts();
  const opening = away?.reason === "closed" ? describeAwayOpening(away, texts) : null;
  return (
    <section className="chat-handoff" aria-labelledby="chat-handoff-title" data-away={away?.reason ?? "no"}>
      <div className="chat-handoff__icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2" />
          <circle cx="9" cy="7" r="4" />
          <path d="M23 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75" />
        </svg>
      </div>
      <div>
        {away ? (
          <>
            <h2 id="chat-handoff-title" className="chat-handoff__title">
              {away.reason === "closed" ? texts.away.closedTitle : texts.away.offlineTitle(team?.name ?? null)}
            </h2>
            <p className="chat-handoff__text">{away.reason === "closed" ? (opening ? texts.away.closed(opening) : texts.away.closedNoOpening) : texts.away.offline}</p>
            <AwayEmail away={away} onLeaveEmail={onLeaveEmail} onSaved={onEmailSaved} />
          </>
        ) : (
          <>
            <h2 id="chat-handoff-title" className="chat-handoff__title">
              {texts.queue.title(team?.name ?? null)}
            </h2>
            <p className="chat-handoff__text">
              {texts.queue.text} <strong>{formatWait(waitMinutes, texts)}</strong>.
            </p>
          </>
        )}
        <p className="chat-handoff__hint">{texts.queue.hint}</p>
      </div>
    </section>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function AwayEmail({ away, onLeaveEmail, onSaved }: { away: ChatAway; onLeaveEmail: (email: string) => Promise<boolean>; onSaved: () => void }) {
  const texts = useChatTexts();
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (away.contactEmail) {
    return (
      <p className="chat-away__done" role="status">
        {texts.away.emailSaved(away.contactEmail)}
      </p>
    );
  }
  return (
    <form
      className="chat-away"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const value = email.trim();
        if (!EMAIL.test(value)) return setProblem(texts.away.emailInvalid);
        setBusy(true);
        setProblem(null);
        const ok = await onLeaveEmail(value);
        setBusy(false);
        // The save is awaited: if the customer tabbed elsewhere meanwhile, their focus stays where they put it.
        if (ok && focusDroppedOrWithin(form)) onSaved();
        else if (!ok) setProblem(texts.away.emailFailed);
      }}
    >
      <label className="chat-handoff__text" htmlFor="chat-away-email">
        {away.emailPrompt || texts.away.emailPrompt}
      </label>
      <div className="chat-away__form">
        <input
          id="chat-away-email"
          className="chat-away__input"
          type="email"
          autoComplete="email"
          placeholder={texts.away.emailLabel}
          value={email}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "chat-away-email-error" : undefined}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <button type="submit" className="chat-away__submit" disabled={busy}>
          {texts.away.emailButton}
        </button>
      </div>
      {problem ? (
        <p className="chat-away__error" id="chat-away-email-error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
