/**
 * Every question the bot couldn't answer in the window (the KB page shows a few): most asked or
 * newest first, a page at a time, with the same actions as the short list. Short replies ("not
 * sure", "ok") are counted apart and shown on request (`?short=1`), so none is silently lost.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { EmptyState } from "~/components/page";
import { addExampleQuestionAction } from "~/kb/add-example-action.server";
import { listArticles } from "~/kb/articles.server";
import { toArticleChoices } from "~/kb/components/add-example-question";
import { AddedExampleNotice } from "~/kb/components/added-example-notice";
import { KbSubpageHeader } from "~/kb/components/subpage-header";
import { ShortRepliesHidden, UnansweredQuestionRows } from "~/kb/components/unanswered-questions";
import { readUnansweredList, UNANSWERED_WINDOW_DAYS } from "~/kb/unanswered.server";
import kbStyles from "~/styles/kb.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: kbStyles }];
export const meta: MetaFunction = () => [{ title: "Questions the bot couldn't answer · Knowledge base · Baton" }];

const PAGE_SIZE = 25;
const MAX_SHOWN = 2_000;
const ORDERS = [
  { key: "mostAsked", label: "Most asked" },
  { key: "newest", label: "Newest" },
] as const;

const ListQuerySchema = z.object({
  order: z.enum(["mostAsked", "newest"]).catch("mostAsked"),
  shown: z.coerce.number().int().min(PAGE_SIZE).max(MAX_SHOWN).catch(PAGE_SIZE),
  short: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { order, shown, short } = ListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const includeShort = short === "1";
  const [list, articles] = await Promise.all([readUnansweredList({ order, limit: shown, includeShort }), listArticles()]);
  return { ...list, order, shown, includeShort, days: UNANSWERED_WINDOW_DAYS, now: Date.now(), articles: toArticleChoices(articles) };
}

export async function action({ request }: ActionFunctionArgs) {
  return addExampleQuestionAction(request);
}

export default function UnansweredQuestionsPage() {
  const { questions, total, shortHidden, order, shown, includeShort, days, now, articles } = useLoaderData<typeof loader>();
  const added = useActionData<typeof action>();
  const href = (change: { order?: string; shown?: number; short?: boolean }) => {
    const next = { order, shown, short: includeShort, ...change };
    const params = new URLSearchParams();
    if (next.order !== "mostAsked") params.set("order", next.order);
    if (next.shown !== PAGE_SIZE) params.set("shown", String(next.shown));
    if (next.short) params.set("short", "1");
    return `/kb/unanswered${params.size > 0 ? `?${params}` : ""}`;
  };
  const noun = total === 1 ? "question" : "questions";

  return (
    <div className="page kb-page">
      <KbSubpageHeader
        title="Questions the bot couldn't answer"
        description={`Every question customers asked in the last ${days} days that no article answered well: no article reached the KB node's minimum confidence, the answer's confidence was low, the customer had to pick among suggested articles, or said the answer did not help.`}
      />
      <AddedExampleNotice added={added} />
      {total === 0 && shortHidden === 0 ? (
        <EmptyState icon="book" title="No questions to look at">
          Every question customers asked in the last {days} days got a confident answer.
        </EmptyState>
      ) : (
        <section className="card" aria-label="Questions the bot couldn't answer">
          <div className="card-header kb-toolbar">
            <p className="kb-unanswered-count">
              {total} {noun}
              {includeShort ? ", short replies included" : ""}
            </p>
            <nav className="kb-tabs" aria-label="Order">
              {ORDERS.map((option) => (
                <Link key={option.key} to={href({ order: option.key, shown: PAGE_SIZE })} className="kb-tab" aria-current={order === option.key ? "page" : undefined} replace>
                  {option.label}
                </Link>
              ))}
            </nav>
          </div>
          {questions.length > 0 ? <UnansweredQuestionRows questions={questions} now={now} articles={articles} /> : <p className="card-body muted">No questions, only short replies.</p>}
          <p className="card-footer muted kb-unanswered-footer">
            <span>
              Showing {questions.length} of {total}
              {questions.length < total ? (
                <>
                  {" · "}
                  <Link to={href({ shown: Math.min(shown + PAGE_SIZE, MAX_SHOWN) })} preventScrollReset replace>
                    Show {Math.min(PAGE_SIZE, total - questions.length)} more
                  </Link>
                </>
              ) : null}
            </span>
            <span>
              {includeShort ? <Link to={href({ short: false })}>Hide short replies</Link> : <ShortRepliesHidden count={shortHidden} href={href({ short: true })} />}
            </span>
          </p>
        </section>
      )}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
