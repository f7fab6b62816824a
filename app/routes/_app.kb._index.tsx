import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { EmptyState, PageHeader } from "~/components/page";
import { addExampleQuestionAction } from "~/kb/add-example-action.server";
import { countArticlesByStatus, listArticles } from "~/kb/articles.server";
import { toArticleChoices } from "~/kb/components/add-example-question";
import { AddedExampleNotice } from "~/kb/components/added-example-notice";
import { ArticleTable } from "~/kb/components/article-table";
import { UnansweredQuestions } from "~/kb/components/unanswered-questions";
import { ARTICLE_SORTS, sortArticles } from "~/kb/list-sort";
import { NO_USAGE } from "~/kb/usage";
import { readUnansweredList, UNANSWERED_WINDOW_DAYS } from "~/kb/unanswered.server";
import { getArticleUsage } from "~/kb/usage.server";
import kbStyles from "~/styles/kb.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kbStyles }];
export const meta: MetaFunction = () => [{ title: "Knowledge base · Baton" }];

const ListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  sort: z.enum(ARTICLE_SORTS).optional().catch(undefined),
  status: z.enum(["published", "draft"]).optional().catch(undefined),
  deleted: z.string().max(200).optional().catch(undefined),
});

// The KB page keeps a short list; "Show all N questions" opens the rest (/kb/unanswered).
const UNANSWERED_SHOWN = 5;
const NO_UNANSWERED = { questions: [], total: 0, shortHidden: 0 };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { q, sort: requested, status, deleted } = ListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const sort = requested ?? (q ? "relevance" : "updated");
  const [articles, counts, usage] = await Promise.all([listArticles({ query: q, status }), countArticlesByStatus(), getArticleUsage()]);
  const unanswered = q || status ? NO_UNANSWERED : await readUnansweredList({ order: "recent", limit: UNANSWERED_SHOWN, includeShort: false });
  return {
    q,
    status: status ?? null,
    deleted: deleted ?? null,
    counts,
    now: Date.now(),
    sort,
    unanswered,
    unansweredDays: UNANSWERED_WINDOW_DAYS,
    articles: sortArticles(
      articles.map((article) => ({ ...article, usage: usage.get(article.id) ?? NO_USAGE })),
      sort,
    ),
  };
}

// "Add to an article…" on a question the bot couldn't answer.
export async function action({ request }: ActionFunctionArgs) {
  return addExampleQuestionAction(request);
}

const SEARCH_DELAY_MS = 250;

export default function KnowledgeBasePage() {
  const { q, sort, status, deleted, counts, now, articles, unanswered, unansweredDays } = useLoaderData<typeof loader>();
  const added = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const total = counts.published + counts.draft;
  const searching = navigation.state === "loading" && navigation.location.pathname === "/kb";
  const listHref = (change: { status?: string | null; sort?: string }) => {
    const next = { q, status, sort: sort === (q ? "relevance" : "updated") ? null : sort, ...change };
    const params = Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]));
    return `/kb${params.length > 0 ? `?${new URLSearchParams(params)}` : ""}`;
  };
  const tabs = [
    { key: null, label: "All", count: total },
    { key: "published", label: "Published", count: counts.published },
    { key: "draft", label: "Drafts", count: counts.draft },
  ];

  return (
    <div className="page kb-page">
      <PageHeader
        title="Knowledge base"
        description="The help articles your bot answers from. Published articles are searchable by the bot the moment you save them."
        actions={
          <>
            <Link to="/kb/try" className="btn btn-secondary">
              <Icon name="spark" size={16} />
              Try it
            </Link>
            <Link to="/kb/import" className="btn btn-secondary">
              <Icon name="upload" size={16} />
              Import
            </Link>
            <Link to="/kb/new" className="btn btn-primary">
              <Icon name="plus" size={16} />
              New article
            </Link>
          </>
        }
      />
      {deleted ? (
        <p className="notice" role="status">
          “{deleted}” was deleted.
        </p>
      ) : null}

      <AddedExampleNotice added={added} />
      <UnansweredQuestions list={unanswered} days={unansweredDays} now={now} articles={toArticleChoices(articles)} />
      {total === 0 ? (
        <EmptyState icon="book" title="No articles yet">
          Write your first help article, or import a folder of Markdown files or a CSV export from your old help desk.
        </EmptyState>
      ) : (
        <section className="card" aria-label="Articles">
          <div className="card-header kb-toolbar">
            <Form method="get" role="search" className="kb-search" onSubmit={() => clearTimeout(timer.current)}>
              <Icon name="search" size={16} className="kb-search-icon" />
              <label htmlFor="kb-search" className="visually-hidden">
                Search articles
              </label>
              <input
                id="kb-search"
                type="search"
                name="q"
                className="input"
                defaultValue={q}
                placeholder="Search titles, tags and text"
                autoComplete="off"
                onChange={(event) => {
                  const form = event.currentTarget.form;
                  clearTimeout(timer.current);
                  timer.current = setTimeout(() => submit(form, { replace: true }), SEARCH_DELAY_MS);
                }}
              />
              {status ? <input type="hidden" name="status" value={status} /> : null}
              {sort !== "relevance" && sort !== "updated" ? <input type="hidden" name="sort" value={sort} /> : null}
            </Form>
            <nav className="kb-tabs" aria-label="Filter by status">
              {tabs.map((tab) => (
                <Link key={tab.label} to={listHref({ status: tab.key })} className="kb-tab" aria-current={status === tab.key ? "page" : undefined} replace>
                  {tab.label}
                  <span className="kb-tab-count">{tab.count}</span>
                </Link>
              ))}
            </nav>
          </div>
          {articles.length === 0 ? (
            <div className="card-body kb-no-results">
              <p>
                No articles match <strong>“{q}”</strong>
                {status ? ` among the ${status === "draft" ? "drafts" : "published articles"}` : ""}.
              </p>
              <Link to="/kb">Clear the search</Link>
            </div>
          ) : (
            <ArticleTable articles={articles} words={words} now={now} stale={searching} sort={sort} sortHref={(next) => listHref({ sort: next })} />
          )}
        </section>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
