/**
 * "Add to an article…" under a question the bot couldn't answer: a searchable list of articles
 * (the filter narrows a native list box, so arrow keys, type-ahead and screen readers work as
 * usual) and one button that makes the question one of the chosen article's example questions.
 * For a "customer picked a suggested article" question the article they picked is chosen first;
 * the lead confirms or changes it. Escape closes it. It posts to the page it is on (each list's
 * route delegates to add-example-action.server.ts), so the lead stays where they were.
 */
import { Form } from "@remix-run/react";
import { useId, useState } from "react";

export type ArticleChoice = { id: string; title: string; status: "published" | "draft" };

type Props = { question: string; articles: ArticleChoice[]; initialArticleId: string | null; busy: boolean; onCancel: () => void };

const LIST_ROWS = 6;

/** The articles a question can be added to, by title. */
export function toArticleChoices(articles: ArticleChoice[]): ArticleChoice[] {
  return articles.map(({ id, title, status }) => ({ id, title, status })).sort((a, b) => a.title.localeCompare(b.title));
}

export function AddExampleQuestionForm({ question, articles, initialArticleId, busy, onCancel }: Props) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState(articles.some((article) => article.id === initialArticleId) ? initialArticleId! : "");
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = articles.filter((article) => words.every((word) => article.title.toLocaleLowerCase().includes(word)));
  const chosen = shown.find((article) => article.id === selected);

  return (
    <Form
      method="post"
      className="kb-add-example"
      aria-label={`Add “${question}” to an article`}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <input type="hidden" name="intent" value="addExampleQuestion" />
      <input type="hidden" name="question" value={question} />
      <label className="label" htmlFor={`${id}-filter`}>
        Find the article that answers it
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        className="input"
        value={filter}
        placeholder="Type part of a title"
        autoComplete="off"
        autoFocus
        aria-controls={`${id}-articles`}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          // Enter picks the first match (never submits half-chosen); arrow down moves into the list.
          if (event.key === "Enter") {
            event.preventDefault();
            if (!chosen && shown[0]) setSelected(shown[0].id);
          } else if (event.key === "ArrowDown") {
            event.preventDefault();
            document.getElementById(`${id}-articles`)?.focus();
          }
        }}
      />
      <label className="visually-hidden" htmlFor={`${id}-articles`}>
        Article
      </label>
      {shown.length === 0 ? (
        <p className="muted kb-add-example-empty">No article title has “{filter}”.</p>
      ) : (
        <select id={`${id}-articles`} name="articleId" className="select kb-add-example-list" size={Math.min(LIST_ROWS, Math.max(2, shown.length))} value={chosen ? selected : ""} onChange={(event) => setSelected(event.target.value)}>
          {shown.map((article) => (
            <option key={article.id} value={article.id}>
              {article.title}
              {article.status === "draft" ? " (draft)" : ""}
              {article.id === initialArticleId ? " · the customer picked it" : ""}
            </option>
          ))}
        </select>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-sm" disabled={!chosen || busy}>
          {busy ? "Adding…" : chosen ? `Add to “${chosen.title}”` : "Choose an article"}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
