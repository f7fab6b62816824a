import { Link, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { formatRelative } from "../format";
import { RECENT_DAYS } from "../unanswered-order";
import { AddExampleQuestionForm, type ArticleChoice } from "./add-example-question";

type Reason = "noAnswer" | "lowConfidence" | "customerPicked" | "notHelpful";
type Question = { question: string; count: number; recentCount: number; shortReply: boolean; lastAskedAt: string | Date; reasons: Reason[]; pickedArticleId: string | null; addedToDraft: { id: string; title: string } | null };

const REASON_LABELS: Record<Reason, string> = {
  noAnswer: "no answer",
  lowConfidence: "answered with low confidence",
  customerPicked: "customer picked a suggested article",
  notHelpful: "answer not helpful",
};

/**
 * The knowledge base's gaps: what customers asked that no article answered well, with a way to fix
 * each — try it, teach an article to answer it (as an example question), or write a new one. A
 * question already added to a draft article says so (the bot answers it once that draft is
 * published) and still offers another article: a draft may be abandoned. The rows only: the KB
 * page's short list (UnansweredQuestions below) and the full list (/kb/unanswered) frame them.
 */
export function UnansweredQuestionRows({ questions, now, articles }: { questions: Question[]; now: number; articles: ArticleChoice[] }) {
  const [adding, setAdding] = useState<string | null>(null);
  const toggles = useRef(new Map<string, HTMLButtonElement | null>());
  // Closing the picker puts the focus back on the button that opened it.
  const close = (question: string) => {
    setAdding(null);
    toggles.current.get(question)?.focus();
  };
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "addExampleQuestion";
  return (
    <ul className="kb-unanswered">
      {questions.map((item) => (
        <li key={item.question}>
          <span className="kb-unanswered-question">“{item.question}”</span>
          <span className="muted kb-unanswered-meta">
            {askedTimes(item)} · {item.reasons.map((reason) => REASON_LABELS[reason]).join(", ")} · {formatRelative(item.lastAskedAt, now)}
            {item.shortReply ? " · short reply" : ""}
          </span>
          <span className="row kb-unanswered-actions">
            <Link to={`/kb/try?${new URLSearchParams({ q: item.question })}`} className="btn btn-ghost btn-sm">
              Try it
            </Link>
            {item.addedToDraft ? (
              <span className="kb-unanswered-draft">
                Added to draft{" "}
                <Link to={`/kb/${item.addedToDraft.id}`} title={item.addedToDraft.title}>
                  “{item.addedToDraft.title}”
                </Link>
              </span>
            ) : null}
            {otherArticles(articles, item).length > 0 ? (
              <button
                type="button"
                ref={(element) => void toggles.current.set(item.question, element)}
                className="btn btn-secondary btn-sm"
                aria-expanded={adding === pickerKey(item)}
                onClick={() => setAdding(adding === pickerKey(item) ? null : pickerKey(item))}
              >
                {item.addedToDraft ? "Add to another article…" : "Add to an article…"}
              </button>
            ) : null}
            <Link to={`/kb/new?${new URLSearchParams({ question: item.question })}`} className="btn btn-secondary btn-sm">
              Write an article
            </Link>
          </span>
          {adding === pickerKey(item) ? (
            <AddExampleQuestionForm
              question={item.question}
              articles={otherArticles(articles, item)}
              initialArticleId={item.pickedArticleId === item.addedToDraft?.id ? null : item.pickedArticleId}
              busy={busy}
              onCancel={() => close(item.question)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** "N short replies hidden": the lines counted apart (short-reply.server.ts), with the way to see them. */
export function ShortRepliesHidden({ count, href }: { count: number; href: string }) {
  if (count === 0) return null;
  return (
    <>
      {count === 1 ? "1 short reply" : `${count} short replies`} (“not sure”, “ok”, a greeting) hidden ·{" "}
      <Link to={href}>Show {count === 1 ? "it" : "them"}</Link>
    </>
  );
}

type ShortList = { questions: Question[]; total: number; shortHidden: number };

/**
 * The KB page's short list: the few questions asked most in the last RECENT_DAYS days (then the
 * newest), and a link to all of them — a gap customers hit this week is not buried under a line
 * that was frequent weeks ago.
 */
export function UnansweredQuestions({ list, days, now, articles }: { list: ShortList; days: number; now: number; articles: ArticleChoice[] }) {
  if (list.total === 0 && list.shortHidden === 0) return null;
  return (
    <section className="card" aria-labelledby="unanswered-title">
      <div className="card-header">
        <div>
          <h2 id="unanswered-title">Questions the bot couldn't answer</h2>
          <p>
            Asked by customers in the last {days} days, the ones asked most in the last {RECENT_DAYS} days first. No article reached the KB node's minimum confidence, the answer's confidence was low, the customer had to pick among suggested
            articles, or said the answer did not help.
          </p>
        </div>
      </div>
      <UnansweredQuestionRows questions={list.questions} now={now} articles={articles} />
      <p className="card-footer muted kb-unanswered-footer">
        {list.total > 0 ? (
          <Link to="/kb/unanswered" className="kb-unanswered-all">
            Show all {list.total} {list.total === 1 ? "question" : "questions"}
          </Link>
        ) : (
          <span>No questions, only short replies.</span>
        )}
        <span>
          <ShortRepliesHidden count={list.shortHidden} href="/kb/unanswered?short=1" />
        </span>
      </p>
    </section>
  );
}

/** "4 times (2 in 7 days)": the short list is ordered by the recent asks, so they are shown. */
function askedTimes(item: Question): string {
  const times = item.count === 1 ? "once" : `${item.count} times`;
  return item.recentCount > 0 && item.recentCount < item.count ? `${times} (${item.recentCount} in ${RECENT_DAYS} days)` : times;
}

/** Which picker is open: once the question is added to a draft, the picker opened before closes. */
function pickerKey(item: Question): string {
  return `${item.question}\n${item.addedToDraft?.id ?? ""}`;
}

/** The articles the question can still be added to: all but the draft that already has it. */
function otherArticles(articles: ArticleChoice[], item: Question): ArticleChoice[] {
  return item.addedToDraft ? articles.filter((article) => article.id !== item.addedToDraft?.id) : articles;
}
