/** The article list: title (with the matched passage), tags, status, usage, last update. */
import { Link } from "@remix-run/react";
import { formatAbsolute, formatRelative } from "../format";
import type { ArticleUsage } from "../usage";
import { Highlight } from "./highlight";
import { StatusBadge } from "./status-badge";
import { UsageCell } from "./usage-summary";

const SHOWN_TAGS = 3;

type Row = {
  id: string;
  title: string;
  tags: string[];
  status: "published" | "draft";
  updatedAt: string | Date;
  snippet?: string;
  usage: Omit<ArticleUsage, "lastShownAt"> & { lastShownAt: string | Date | null };
};

export function ArticleTable({ articles, words, now, stale }: { articles: Row[]; words: string[]; now: number; stale: boolean }) {
  return (
    <table className={stale ? "table kb-table is-stale" : "table kb-table"}>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Tags</th>
          <th scope="col">Status</th>
          <th scope="col" title="Times the bot answered with it, and how often customers said it helped">
            Shown
          </th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <td className="kb-title-cell">
              <Link to={`/kb/${article.id}`} className="kb-title-link">
                <Highlight text={article.title} words={words} />
              </Link>
              {article.snippet ? (
                <p className="kb-snippet">
                  <Highlight text={article.snippet} words={words} />
                </p>
              ) : null}
            </td>
            <td>
              <div className="kb-tags">
                {article.tags.slice(0, SHOWN_TAGS).map((tag) => (
                  <span key={tag} className="badge">
                    <Highlight text={tag} words={words} />
                  </span>
                ))}
                {article.tags.length > SHOWN_TAGS ? (
                  <span className="badge" title={article.tags.slice(SHOWN_TAGS).join(", ")}>
                    +{article.tags.length - SHOWN_TAGS}
                  </span>
                ) : null}
                {article.tags.length === 0 ? <span className="muted">—</span> : null}
              </div>
            </td>
            <td>
              <StatusBadge status={article.status} />
            </td>
            <td>
              <UsageCell usage={article.usage} />
            </td>
            <td className="kb-updated" title={formatAbsolute(article.updatedAt)}>
              {formatRelative(article.updatedAt, now)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
