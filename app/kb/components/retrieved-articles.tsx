import { Link } from "@remix-run/react";
import { formatConfidence } from "~/utils/confidence";
import { formatPercent } from "../format";

/** `score` null: ranked on words alone, the figure is only meaningful for the first article (../try-it-list.ts). */
type Retrieved = { id: string; title: string; tags: string[]; score: number | null; reachesMinScore: boolean; matchedExample?: string };

/** The articles retrieval found, best first, each confidence as a bar against the minimum (or "also matched" without one). */
export function RetrievedArticles({ articles, minScore, wordsOnly }: { articles: Retrieved[]; minScore: number; wordsOnly: boolean }) {
  return (
    <section className="card" aria-labelledby="retrieved-title">
      <div className="card-header">
        <div>
          <h2 id="retrieved-title">Articles the bot would consider</h2>
          {wordsOnly ? (
            <p>
              Best match first. On words alone only the best match has a confidence: the bot answers from it when it reaches {formatConfidence(minScore)} (the
              black mark). The others share some of the question&rsquo;s words and rank below it; their figures would not compare with it, so none is shown.
            </p>
          ) : (
            <p>
              Best match first. The confidence is the chance that the article answers the question: of answers given at 80%, about 8 in 10 are right. The bot
              answers from the best match only when its confidence reaches {formatConfidence(minScore)} (the black mark); two articles close together, or words
              no article mentions, lower it.
            </p>
          )}
        </div>
      </div>
      {articles.length === 0 ? (
        <div className="card-body muted">No published article could answer this question.</div>
      ) : (
        <ol className="kb-retrieved">
          {articles.map((article, index) => (
            <li key={article.id} className={article.reachesMinScore || article.score === null ? "kb-retrieved-item" : "kb-retrieved-item is-below"}>
              <span className="kb-rank">{index + 1}</span>
              <div className="kb-retrieved-main">
                <Link to={`/kb/${article.id}`} className="kb-title-link">
                  {article.title}
                </Link>
                {article.matchedExample ? <p className="hint kb-matched-example">Matched the example question “{article.matchedExample}”</p> : null}
                <div className="kb-tags">
                  {article.tags.map((tag) => (
                    <span key={tag} className="badge">
                      {tag}
                    </span>
                  ))}
                </div>
              </div>
              {article.score === null ? (
                <div className="kb-score kb-score-also">Also matched</div>
              ) : (
                <Confidence score={article.score} minScore={minScore} reachesMinScore={article.reachesMinScore} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Confidence({ score, minScore, reachesMinScore }: { score: number; minScore: number; reachesMinScore: boolean }) {
  return (
    <div className="kb-score" aria-label={`Confidence ${formatConfidence(score)}${reachesMinScore ? "" : ", below the minimum"}`}>
      <div className="kb-score-bar">
        <div className="kb-score-fill" style={{ width: formatPercent(score) }} />
        <div className="kb-score-min" style={{ left: formatPercent(minScore) }} title={`Minimum confidence ${formatConfidence(minScore)}`} />
      </div>
      <span className="kb-score-value">{formatConfidence(score)}</span>
    </div>
  );
}
