import { Link } from "@remix-run/react";
import { formatConfidence } from "~/utils/confidence";
import type { SuggestionOffer } from "../try-it.server";

/**
 * An unsure KB step's offer as the customer reads it: the bot's line and a button per article, then
 * “None of these”. Each article links to its page, with its confidence and the passage it answers
 * with if picked, so the lead sees why the step was unsure and what a tap would show. On words
 * alone only the first article has a figure (try-it-list.ts).
 */
export function SuggestionOfferPreview({ offer, minScore }: { offer: SuggestionOffer; minScore: number }) {
  return (
    <>
      <p className="kb-no-answer">
        <strong>Not sure.</strong> No article reaches the minimum confidence of {formatConfidence(minScore)}, so the KB node offers the closest{" "}
        {offer.articles.length === 1 ? "article" : `${offer.articles.length} articles`}. Picking one answers from it; “{offer.none}” takes the “No answer found” path.
      </p>
      <figure className="kb-offer">
        <figcaption className="eyebrow">What the customer sees</figcaption>
        <p className="kb-offer-bubble">{offer.text}</p>
        <ul className="stack-list" aria-label="Offered articles">
          {offer.articles.map((article) => (
            <li key={article.id} className="kb-offer-choice">
              <div className="kb-offer-line">
                <span className="kb-offer-button">{article.title}</span>
                {article.confidence === null ? null : (
                  <span className="badge" title="Confidence that this article answers the question">
                    {formatConfidence(article.confidence)}
                  </span>
                )}
                <Link to={`/kb/${article.id}`} className="kb-offer-link" aria-label={`Open “${article.title}”`}>
                  Open
                </Link>
              </div>
              <details className="kb-offer-passage">
                <summary>Answer if picked</summary>
                <blockquote className="kb-answer">{article.text}</blockquote>
              </details>
            </li>
          ))}
          <li className="kb-offer-choice">
            <div className="kb-offer-line">
              <span className="kb-offer-button">{offer.none}</span>
            </div>
          </li>
        </ul>
      </figure>
    </>
  );
}
