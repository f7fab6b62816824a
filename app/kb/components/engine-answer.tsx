import { Link } from "@remix-run/react";
import { formatConfidence } from "~/utils/confidence";
import type { EngineOutcome } from "../try-it.server";
import { SuggestionOfferPreview } from "./suggestion-offer";

type Props = { title: string; subtitle: string; outcome: EngineOutcome; minScore: number; offersSuggestions: boolean };

/** What one engine would answer: the text the customer would read, its source and its confidence — or, when unsure, the articles it offers. */
export function EngineAnswerCard({ title, subtitle, outcome, minScore, offersSuggestions }: Props) {
  const { answer, offer, error, milliseconds } = outcome;
  const fallback = answer?.fallback ?? offer?.fallback;
  return (
    <section className="card kb-engine" aria-label={`${title} answer`}>
      <div className="card-header">
        <div>
          <h2>{title}</h2>
          <p>{subtitle}</p>
        </div>
        <span className="badge" title="Time to answer">
          {milliseconds} ms
        </span>
      </div>
      <div className="card-body stack">
        {error ? (
          <p className="kb-engine-error">The engine failed: {error}. In a conversation the flow would hand off to a person.</p>
        ) : answer || offer ? (
          <>
            {fallback ? (
              <p className="kb-engine-warning">
                OpenAI did not answer ({fallback.error}). In a conversation the local answer below would be sent instead.
              </p>
            ) : null}
            {answer ? <AnswerWithSource answer={answer} /> : offer ? <SuggestionOfferPreview offer={offer} minScore={minScore} /> : null}
          </>
        ) : (
          <p className="kb-no-answer">
            <strong>No answer.</strong> No article reaches the minimum confidence of {formatConfidence(minScore)}
            {offersSuggestions ? " and none comes close enough to offer" : ""}, so the KB node would take its “No answer found” path (in the starter flows: hand
            off to a person).
          </p>
        )}
      </div>
    </section>
  );
}

function AnswerWithSource({ answer }: { answer: NonNullable<EngineOutcome["answer"]> }) {
  return (
    <>
      <blockquote className="kb-answer">{answer.text}</blockquote>
      <div className="kb-answer-source">
        <span className="muted">Source</span>
        <Link to={`/kb/${answer.article.id}`}>{answer.article.title}</Link>
        <span className="badge">{formatConfidence(answer.score)} confident</span>
      </div>
      {answer.citations.length > 1 ? (
        <p className="hint">Also cites: {answer.citations.slice(1).map((citation) => citation.title).join(", ")}</p>
      ) : null}
    </>
  );
}

export function OpenAINotConfigured() {
  return (
    <section className="card kb-engine kb-engine-off" aria-label="OpenAI answer">
      <div className="card-header">
        <div>
          <h2>OpenAI</h2>
          <p>Not configured</p>
        </div>
      </div>
      <div className="card-body">
        <p className="muted">
          OpenAI is not configured on this server, so the bot answers with the local engine only. To compare, start Baton with <code>OPENAI_API_KEY</code> set
          (and <code>OPENAI_BASE_URL</code> for an OpenAI-compatible server).
        </p>
      </div>
    </section>
  );
}
