import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { EmptyState, PageHeader } from "~/components/page";
import { QUESTION_MAX } from "~/kb/article-schema";
import { countArticlesByStatus, listArticles } from "~/kb/articles.server";
import { addExampleQuestion } from "~/kb/example-questions.server";
import { ArticleTable } from "~/kb/components/article-table";
import { UnansweredQuestions } from "~/kb/components/unanswered-questions";
import { ARTICLE_SORTS, sortArticles } from "~/kb/list-sort";
import { NO_USAGE } from "~/kb/usage";
import { listUnansweredQuestions, UNANSWERED_WINDOW_DAYS } from "~/kb/unanswered.server";
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

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { q, sort: requested, status, deleted } = ListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const sort = requested ?? (q ? "relevance" : "updated");
  const [articles, counts, usage] = await Promise.all([listArticles({ query: q, status }), countArticlesByStatus(), getArticleUsage()]);
  const unanswered = q || status ? [] : await listUnansweredQuestions({ limit: UNANSWERED_SHOWN });
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

// "Add to an article…" on a question the bot couldn't answer (app/kb/example-questions.server.ts).
const AddExampleSchema = z.object({
  intent: z.literal("addExampleQuestion"),
  articleId: z.string().min(1, "Choose the article that answers the question.").max(100),
  question: z.string().trim().min(1, "The question is empty.").max(QUESTION_MAX, `An example question is at most ${QUESTION_MAX} characters: add a shorter wording from the article's editor.`),
});

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const parsed = AddExampleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue.path[0] === "intent" ? "This form is out of date. Reload the page and try again." : issue.message;
    return data({ ok: false as const, message }, { status: 400 });
  }
  const result = await addExampleQuestion(parsed.data.articleId, parsed.data.question);
  if (!result) return data({ ok: false as const, message: "That article no longer exists. Reload the page and choose another." }, { status: 404 });
  if (!result.ok) return data(result, { status: 400 });
  return result;
}

const SEARCH_DELAY_MS = 250;
const UNANSWERED_SHOWN = 3;

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

      {added?.ok ? (
        <p className="notice" role="status">
          {added.alreadyThere ? "“" + added.question + "” was already an example question of " : "Added “" + added.question + "” as an example question of "}
          <Link to={`/kb/${added.article.id}`}>{added.article.title}</Link>.{" "}
          {added.article.status === "published" ? "The bot matches this question to that article from now on." : "The bot uses it once the article is published."}
        </p>
      ) : added ? (
        <p className="form-error" role="alert">
          {added.message}
        </p>
      ) : null}
      <UnansweredQuestions questions={unanswered} days={unansweredDays} now={now} articles={articles.map(({ id, title, status: articleStatus }) => ({ id, title, status: articleStatus })).sort((a, b) => a.title.localeCompare(b.title))} />
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
