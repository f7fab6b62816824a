/** The article list: title (with the matched passage), tags, status, usage, last update. */
import { Link } from "@remix-run/react";
import { formatAbsolute, formatRelative } from "../format";
import type { ArticleSort } from "../list-sort";
import type { ArticleUsage } from "../usage";
import { Highlight } from "./highlight";
import { StatusBadge } from "./status-badge";
import { HelpfulCell } from "./usage-summary";

const SHOWN_TAGS = 3;
const ASCENDING = new Set<ArticleSort>(["title", "helpful"]);

type Row = {
  id: string;
  title: string;
  tags: string[];
  status: "published" | "draft";
  updatedAt: string | Date;
  snippet?: string;
  usage: Omit<ArticleUsage, "lastShownAt"> & { lastShownAt: string | Date | null };
};

type Props = { articles: Row[]; words: string[]; now: number; stale: boolean; sort: ArticleSort; sortHref: (sort: ArticleSort) => string };

export function ArticleTable({ articles, words, now, stale, sort, sortHref }: Props) {
  const header = (label: string, by: ArticleSort, title?: string) => (
    <th scope="col" aria-sort={sort === by ? (ASCENDING.has(by) ? "ascending" : "descending") : undefined} title={title}>
      <Link to={sortHref(by)} className={sort === by ? "kb-sort is-active" : "kb-sort"} replace preventScrollReset>
        {label}
        {sort === by ? <span aria-hidden="true">{ASCENDING.has(by) ? " ↑" : " ↓"}</span> : null}
      </Link>
    </th>
  );
  return (
    <table className={stale ? "table kb-table is-stale" : "table kb-table"}>
      <thead>
        <tr>
          {header("Title", "title")}
          <th scope="col">Tags</th>
          <th scope="col">Status</th>
          {header("Shown", "shown", "Times the bot answered a customer with it")}
          {header("Helpful", "helpful", "Share of customers' ratings that said it helped; sorted worst first")}
          {header("Updated", "updated")}
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
              <span className={article.usage.shown === 0 ? "kb-count muted" : "kb-count"}>{article.usage.shown.toLocaleString("en-US")}</span>
            </td>
            <td>
              <HelpfulCell usage={article.usage} />
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
