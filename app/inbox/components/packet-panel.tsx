/**
 * The handoff packet beside the transcript: what the agent needs so they never ask again —
 * why it was handed off, the intent and how sure the bot was, every captured field, the
 * summary, what was already tried, where the customer came from, and their earlier
 * conversations. All of it rendered as text.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { useHydrated } from "~/chat/use-hydrated";
import { Icon } from "~/components/icons";
import { formatConfidence } from "~/utils/confidence";
import { formatDuration, formatWhen, humanize } from "../format";
import { summariseOffers, type OfferSummary } from "~/runtime/handoff-packet";
import type { ConversationView } from "../view";
import { ContactDetails } from "./contact-details";
import { ConversationHistory } from "./conversation-history";
import { labelHandoffTrigger } from "~/vocabulary/handoff-triggers";
import { describeOfferOutcome } from "~/vocabulary/offer-answers";

/** The same measure as the analytics' "first human response": from the first handoff, once. */
function firstReply(view: ConversationView): string {
  if (!view.firstEscalatedAt || !view.firstHumanResponseAt) return "Not yet";
  return `${formatDuration(Date.parse(view.firstHumanResponseAt) - Date.parse(view.firstEscalatedAt))} after the handoff`;
}

type Props = {
  view: ConversationView;
  id?: string;
  /** Narrow screens only: the panel is hidden until the header's button opens it over the transcript. */
  open?: boolean;
  onClose?: () => void;
};

export function PacketPanel({ view, id, open = false, onClose }: Props) {
  const hydrated = useHydrated();
  const closeButton = useRef<HTMLButtonElement>(null);
  // Opened over the transcript (and on a phone over the header too): focus goes into it.
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  const packet = view.packet;
  const fields = Object.entries(view.fields);
  const tried = packet?.tried ?? { articlesShown: [], questionsAsked: [] };
  const offers = packet ? summariseOffers(packet.tried) : { articles: [], intents: [] };
  return (
    <aside
      className={open ? "packet packet--open" : "packet"}
      id={id}
      aria-label="Handoff details"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) onClose?.();
      }}
    >
      {onClose ? (
        <div className="packet__bar">
          {/* The panel is named by its aria-label already; this is for the eyes, on a phone where it fills the screen. */}
          <span className="packet__bar-title" aria-hidden="true">
            Handoff details
          </span>
          <button ref={closeButton} type="button" className="btn btn-ghost btn-sm btn-icon-sm" aria-label="Close handoff details" onClick={onClose}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ) : null}
      {view.escalatedAt ? (
        <Section title="Handoff">
          {view.reason ? <p className="packet__reason">{view.reason}</p> : null}
          <dl className="packet__facts">
            <Fact label="Trigger">{packet?.cause ?? labelHandoffTrigger(view.trigger) ?? view.trigger ?? "—"}</Fact>
            <Fact label="Priority">
              <span className={`pill pill--${view.priority}`}>{humanize(view.priority)}</span>
            </Fact>
            <Fact label="Team">{view.team?.name ?? "No team"}</Fact>
            <Fact label="Handed off">{hydrated ? formatWhen(view.escalatedAt) : ""}</Fact>
            {view.firstEscalatedAt && view.firstEscalatedAt !== view.escalatedAt ? (
              <Fact label="First handoff">{hydrated ? formatWhen(view.firstEscalatedAt) : ""}</Fact>
            ) : null}
            <Fact label="First reply">{firstReply(view)}</Fact>
          </dl>
        </Section>
      ) : (
        <Section title="With the bot">
          <p className="packet__muted">Not handed off. You can read along; a person takes over once the flow hands it to a team.</p>
        </Section>
      )}

      <Section title="Intent">
        {view.intent ? (
          <div className="packet__intent">
            <span className="packet__intent-name">{humanize(view.intent.name)}</span>
            {view.intent.confidence !== null ? <Confidence value={view.intent.confidence} /> : null}
          </div>
        ) : (
          <p className="packet__muted">No intent detected.</p>
        )}
      </Section>

      <Section title="Captured">
        {fields.length === 0 ? (
          <p className="packet__muted">Nothing captured.</p>
        ) : (
          <dl className="packet__facts packet__fields">
            {fields.map(([name, value]) => (
              <Fact key={name} label={humanize(name)}>
                <span className="packet__value">{String(value)}</span>
              </Fact>
            ))}
          </dl>
        )}
      </Section>

      {view.summary ? (
        <Section title="Summary">
          <p className="packet__summary">{view.summary}</p>
        </Section>
      ) : null}

      {packet ? (
        <Section title="Already tried">
          <p className="packet__label">Articles answered with</p>
          {tried.articlesShown.length === 0 ? (
            <p className="packet__muted">None</p>
          ) : (
            <ul className="packet__list">
              {tried.articlesShown.map((article) => (
                <li key={article.id}>
                  {article.title} {article.confidence !== undefined ? <Confidence value={article.confidence} /> : null}
                </li>
              ))}
            </ul>
          )}
          <p className="packet__label">Articles offered</p>
          {offers.articles.length === 0 ? (
            <p className="packet__muted">None</p>
          ) : (
            <ul className="packet__list">
              {offers.articles.map((offer, index) => (
                <li key={index}>{describeOffer(offer)}</li>
              ))}
            </ul>
          )}
          {offers.intents.length > 0 ? (
            <>
              <p className="packet__label">Intents offered (“Did you mean…?”)</p>
              <ul className="packet__list">
                {offers.intents.map((offer, index) => (
                  <li key={index}>{describeOffer(offer)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="packet__label">Questions asked</p>
          {tried.questionsAsked.length === 0 ? (
            <p className="packet__muted">None</p>
          ) : (
            <ul className="packet__list">
              {tried.questionsAsked.map((question, index) => (
                <li key={index}>{question}</li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      <Section title="Contact">
        <ContactDetails conversationId={view.id} contact={view.contact} />
        <dl className="packet__facts">
          <Fact label="Channel">{humanize(view.channel)}</Fact>
          <Fact label="Flow">{view.flow.name}</Fact>
          <Fact label="Page">{view.page ? <span className="packet__page" title={view.page}>{view.page}</span> : "—"}</Fact>
          {view.csat !== null ? <Fact label="Rating">{`${view.csat} / 5`}</Fact> : null}
        </dl>
      </Section>

      <Section title="Earlier conversations">
        {view.previous.length === 0 ? (
          <p className="packet__muted">{view.contact ? "This is their first conversation." : "Anonymous visitor: no history."}</p>
        ) : (
          <ConversationHistory items={view.previous} />
        )}
      </Section>
    </aside>
  );
}

/** "Offered: A, B, C — picked B" / "… — declined the suggestions" / "… — asked something else instead": what the customer saw and did. */
function describeOffer(offer: OfferSummary): string {
  return `Offered: ${offer.labels.join(", ")} — ${describeOfferOutcome(offer.picked, offer.answer)}`;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="packet__section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="packet__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Confidence({ value }: { value: number }) {
  const percent = formatConfidence(value);
  return (
    <span className="confidence" title={`The bot was ${percent} sure`}>
      <span className="confidence__bar" aria-hidden="true">
        <span style={{ width: `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%` }} />
      </span>
      <span className="confidence__value">{percent}</span>
    </span>
  );
}
