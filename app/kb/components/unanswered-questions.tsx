import { Link, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { formatRelative } from "../format";
import { AddExampleQuestionForm, type ArticleChoice } from "./add-example-question";

type Reason = "noAnswer" | "lowConfidence" | "customerPicked" | "notHelpful";
type Question = { question: string; count: number; lastAskedAt: string | Date; reasons: Reason[]; pickedArticleId: string | null; addedToDraft: { id: string; title: string } | null };

const REASON_LABELS: Record<Reason, string> = {
  noAnswer: "no answer",
  lowConfidence: "answered with low confidence",
  customerPicked: "customer picked a suggested article",
  notHelpful: "answer not helpful",
};

/**
 * The knowledge base's gaps: what customers asked that no article answered well, with a way to fix
 * each — try it, teach an article to answer it (as an example question), or write a new one. A
 * question already added to a draft article says so instead of offering a second add: the bot
 * answers it once that draft is published.
 */
export function UnansweredQuestions({ questions, days, now, articles }: { questions: Question[]; days: number; now: number; articles: ArticleChoice[] }) {
  const [adding, setAdding] = useState<string | null>(null);
  const toggles = useRef(new Map<string, HTMLButtonElement | null>());
  // Closing the picker puts the focus back on the button that opened it.
  const close = (question: string) => {
    setAdding(null);
    toggles.current.get(question)?.focus();
  };
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "addExampleQuestion";
  if (questions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="unanswered-title">
      <div className="card-header">
        <div>
          <h2 id="unanswered-title">Questions the bot couldn't answer</h2>
          <p>Asked by customers in the last {days} days, most asked first. No article reached the KB node's minimum confidence, the answer's confidence was low, the customer had to pick among suggested articles, or said the answer did not help.</p>
        </div>
      </div>
      <ul className="kb-unanswered">
        {questions.map((item) => (
          <li key={item.question}>
            <span className="kb-unanswered-question">“{item.question}”</span>
            <span className="muted kb-unanswered-meta">
              {item.count === 1 ? "once" : `${item.count} times`} · {item.reasons.map((reason) => REASON_LABELS[reason]).join(", ")} · {formatRelative(item.lastAskedAt, now)}
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
              ) : articles.length > 0 ? (
                <button
                  type="button"
                  ref={(element) => void toggles.current.set(item.question, element)}
                  className="btn btn-secondary btn-sm"
                  aria-expanded={adding === item.question}
                  onClick={() => setAdding(adding === item.question ? null : item.question)}
                >
                  Add to an article…
                </button>
              ) : null}
              <Link to={`/kb/new?${new URLSearchParams({ question: item.question })}`} className="btn btn-secondary btn-sm">
                Write an article
              </Link>
            </span>
            {adding === item.question && !item.addedToDraft ? <AddExampleQuestionForm question={item.question} articles={articles} initialArticleId={item.pickedArticleId} busy={busy} onCancel={() => close(item.question)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
