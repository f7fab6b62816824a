/**
 * "Customers also ask": the article's example questions as an editable list. Every row, and the
 * "new question" box, is a `questions` form field, so a question typed but not yet added is saved
 * too (empty ones are dropped by the schema). Keyboard: Enter in the new-question box adds it and
 * stays there for the next; Enter in a row goes to the new-question box instead of submitting;
 * Backspace in an emptied row removes it and moves to the row above.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { Icon } from "~/components/icons";
import { QUESTION_MAX, QUESTIONS_MAX, questionKey } from "../article-schema";

/** `draft` is the new-question box's text, kept by the editor so a typed question counts as an unsaved change. */
type Props = { id: string; questions: string[]; onChange: (questions: string[]) => void; draft: string; onDraftChange: (draft: string) => void; error?: string };

export function ExampleQuestionsField({ id, questions, onChange, draft, onDraftChange: setDraft, error }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const rows = useRef<Array<HTMLInputElement | null>>([]);
  const newQuestion = useRef<HTMLInputElement>(null);
  const full = questions.length >= QUESTIONS_MAX;

  const add = () => {
    const question = draft.trim().replace(/\s+/g, " ");
    if (question === "") return;
    if (questions.some((existing) => questionKey(existing) === questionKey(question))) {
      setProblem(`“${question}” is already in the list.`);
      return;
    }
    onChange([...questions, question]);
    setDraft("");
    setProblem(null);
    // Clicking "Add" empties the box, which disables the button under the focus: the browser
    // would drop focus to the page. The next question goes in the box, so focus goes there.
    newQuestion.current?.focus();
  };
  const remove = (index: number) => {
    onChange(questions.filter((_, i) => i !== index));
    // Focus stays in the list: the row that took its place, else the one above, else the new-question box.
    requestAnimationFrame(() => (rows.current[Math.min(index, questions.length - 2)] ?? newQuestion.current)?.focus());
  };
  const onRowKey = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key === "Enter") {
      event.preventDefault();
      newQuestion.current?.focus();
    } else if (event.key === "Backspace" && event.currentTarget.value === "") {
      event.preventDefault();
      onChange(questions.filter((_, i) => i !== index));
      requestAnimationFrame(() => (rows.current[index - 1] ?? rows.current[0] ?? newQuestion.current)?.focus());
    }
  };
  const describedBy = `${id}-questions-help`;

  return (
    <fieldset className="field kb-questions" aria-describedby={describedBy}>
      <legend className="label">Customers also ask</legend>
      <div id={describedBy}>
        {error ? (
          <p className="field-error">{error}</p>
        ) : (
          <p className="hint">
            Other ways customers ask what this article answers. The bot matches questions against these as well as the article. Up to {QUESTIONS_MAX}.
          </p>
        )}
      </div>
      {questions.length > 0 ? (
        <ol className="kb-question-list" aria-label="Example questions">
          {questions.map((question, index) => (
            <li key={index} className="kb-question-row">
              <input
                ref={(element) => {
                  rows.current[index] = element;
                }}
                name="questions"
                className="input"
                value={question}
                maxLength={QUESTION_MAX}
                aria-label={`Example question ${index + 1}`}
                autoComplete="off"
                onChange={(event) => onChange(questions.map((existing, i) => (i === index ? event.target.value : existing)))}
                onKeyDown={(event) => onRowKey(event, index)}
              />
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove example question ${index + 1}: ${question}`} title="Remove" onClick={() => remove(index)}>
                <Icon name="close" size={16} />
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="kb-question-row">
        <input
          ref={newQuestion}
          id={`${id}-new-question`}
          name="questions"
          className="input"
          value={draft}
          maxLength={QUESTION_MAX}
          disabled={full}
          placeholder={full ? `The list is full (${QUESTIONS_MAX} questions)` : "e.g. when will my refund arrive?"}
          aria-label="New example question"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-new-question-problem` : undefined}
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" className="btn btn-secondary" onClick={add} disabled={full || draft.trim() === ""}>
          <Icon name="plus" size={16} />
          Add
        </button>
      </div>
      {problem ? (
        <p className="field-error" id={`${id}-new-question-problem`} role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
