import { Link } from "@remix-run/react";
import { formatPercent } from "../format";

type Retrieved = { id: string; title: string; tags: string[]; score: number; reachesMinScore: boolean };

/** The articles retrieval found, best first, each score as a bar against the minimum score. */
export function RetrievedArticles({ articles, minScore }: { articles: Retrieved[]; minScore: number }) {
  return (
    <section className="card" aria-labelledby="retrieved-title">
      <div className="card-header">
        <div>
          <h2 id="retrieved-title">Articles the bot would consider</h2>
          <p>
            Best match first. The score is how much of the question an article covers (0 to 1); the bot answers from the best match only when it reaches{" "}
            {minScore.toFixed(2)} (the black mark).
          </p>
        </div>
      </div>
      {articles.length === 0 ? (
        <div className="card-body muted">No published article matches any word of this question.</div>
      ) : (
        <ol className="kb-retrieved">
          {articles.map((article, index) => (
            <li key={article.id} className={article.reachesMinScore ? "kb-retrieved-item" : "kb-retrieved-item is-below"}>
              <span className="kb-rank">{index + 1}</span>
              <div className="kb-retrieved-main">
                <Link to={`/kb/${article.id}`} className="kb-title-link">
                  {article.title}
                </Link>
                <div className="kb-tags">
                  {article.tags.map((tag) => (
                    <span key={tag} className="badge">
                      {tag}
                    </span>
                  ))}
                </div>
              </div>
              <div className="kb-score" aria-label={`Score ${article.score.toFixed(2)}${article.reachesMinScore ? "" : ", below the minimum"}`}>
                <div className="kb-score-bar">
                  <div className="kb-score-fill" style={{ width: formatPercent(article.score) }} />
                  <div className="kb-score-min" style={{ left: formatPercent(minScore) }} title={`Minimum score ${formatPercent(minScore)}`} />
                </div>
                <span className="kb-score-value">{article.score.toFixed(2)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
