/**
 * The article form used to create and to edit: title, tags, published/draft, the example
 * questions ("Customers also ask"), and the Markdown body beside its live preview (rendered by the same code that renders articles everywhere).
 * The fields are controlled so the preview follows the body and the page knows whether anything
 * is unsaved.
 */
import { Form } from "@remix-run/react";
import { useEffect, useId, useState, type ReactNode } from "react";
import { BusySubmitButton } from "~/components/busy-submit-button";
import { Field, FormError } from "~/components/form";
import { BODY_MAX, normaliseQuestions, TITLE_MAX } from "../article-schema";
import { splitTags, type ArticleFormFields } from "../article-form";
import { ExampleQuestionsField } from "./example-questions-field";
import { MarkdownView } from "./markdown-view";
import { UnsavedChangesGuard } from "./unsaved-changes";

export type ArticleEditorErrors = Partial<Record<keyof ArticleFormFields | "form", string>>;

type Props = {
  /** The form's id, so a save button elsewhere on the page (the header) can submit it. */
  formId: string;
  defaults: { title: string; body: string; tags: string[]; questions: string[]; status: "published" | "draft" };
  errors?: ArticleEditorErrors;
  busy: boolean;
  submitLabel: string;
  /** Tags that KB nodes of published flows filter on, shown as a hint. */
  flowTags: string[];
  /** Hidden fields the route needs (intent, the version the editor was opened on). */
  hidden?: Record<string, string>;
  /** Beside the save button (e.g. a link back); never a form, forms cannot nest. */
  secondaryActions?: ReactNode;
  /** The name and value the save button sends, so the page can tell it from another Save. */
  submitter?: { name: string; value: string };
  /**
   * A live status region beside the save button, for a "Saved" said where the person who pressed
   * it is looking. Given (even as null) it is always rendered, so a screen reader hears each new text.
   */
  footerStatus?: ReactNode;
};

export function ArticleEditor({ formId, defaults, errors = {}, busy, submitLabel, flowTags, hidden = {}, secondaryActions, submitter, footerStatus }: Props) {
  const [title, setTitle] = useState(defaults.title);
  const [body, setBody] = useState(defaults.body);
  const [tags, setTags] = useState(defaults.tags.join(", "));
  const [status, setStatus] = useState(defaults.status);
  const [questions, setQuestions] = useState(defaults.questions);
  const [questionDraft, setQuestionDraft] = useState("");
  const typedQuestions = normaliseQuestions([...questions, questionDraft]);
  // A question typed in the new-question box is saved with the form; once the saved version has
  // it, it becomes a row of the list (and the box empties) instead of being shown twice.
  const savedQuestions = defaults.questions.join("\n");
  useEffect(() => {
    if (questionDraft.trim() === "" || typedQuestions.join("\n") !== savedQuestions) return;
    setQuestions(typedQuestions);
    setQuestionDraft("");
    // Only when the saved version changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedQuestions]);
  const parsedTags = splitTags(tags);
  // Compared with the saved version (the loader's, refreshed after each save), as the server
  // normalises: a save makes the form clean again without remounting it, so keystrokes typed
  // while the page revalidates are kept.
  const dirty =
    title.trim() !== defaults.title ||
    body.replace(/\r\n?/g, "\n") !== defaults.body ||
    status !== defaults.status ||
    [...new Set(parsedTags.map((tag) => tag.toLowerCase()))].join("\n") !== defaults.tags.join("\n") ||
    typedQuestions.join("\n") !== savedQuestions;
  const id = useId();

  return (
    <Form id={formId} method="post" className="card kb-editor" noValidate aria-label="Article">
      <UnsavedChangesGuard when={dirty} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="card-body stack">
        <FormError message={errors.form} />
        <Field label="Title" name="title" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={TITLE_MAX} placeholder="How do I return an item?" autoComplete="off" error={errors.title} />
        <div className="kb-editor-meta">
          <div className="field">
            <label className="label" htmlFor={`${id}-tags`}>
              Tags
            </label>
            <input
              id={`${id}-tags`}
              name="tags"
              className="input"
              value={tags}
              onChange={(event) => setTags(event.target.value)}
              placeholder="returns, refunds"
              autoComplete="off"
              aria-invalid={errors.tags ? true : undefined}
              aria-describedby={`${id}-tags-help`}
            />
            <div id={`${id}-tags-help`}>
              {errors.tags ? (
                <p className="field-error">{errors.tags}</p>
              ) : (
                <p className="hint">
                  Separate tags with commas.
                  {flowTags.length > 0 ? ` KB nodes in your flows answer from articles tagged ${flowTags.join(", ")}.` : null}
                </p>
              )}
            </div>
            {parsedTags.length > 0 ? (
              <div className="kb-tags" aria-label="Tags as saved">
                {parsedTags.map((tag, index) => (
                  <span key={`${tag}-${index}`} className="badge">
                    {tag.toLowerCase()}
                  </span>
                ))}
              </div>
            ) : null}
          </div>
          <div className="field">
            <label className="label" htmlFor={`${id}-status`}>
              Status
            </label>
            <select
              id={`${id}-status`}
              name="status"
              className="select"
              value={status}
              onChange={(event) => setStatus(event.target.value === "draft" ? "draft" : "published")}
              aria-describedby={`${id}-status-help`}
            >
              <option value="published">Published</option>
              <option value="draft">Draft</option>
            </select>
            <p className="hint" id={`${id}-status-help`}>
              {errors.status ? <span className="field-error">{errors.status}</span> : "Only published articles are used by the bot."}
            </p>
          </div>
        </div>
        <ExampleQuestionsField id={id} questions={questions} onChange={setQuestions} draft={questionDraft} onDraftChange={setQuestionDraft} error={errors.questions} />
        <div className="kb-body-editor">
          <div className="field">
            <div className="kb-pane-header">
              <label className="label" htmlFor={`${id}-body`}>
                Body
              </label>
              <span className="hint">Markdown: **bold**, - lists, ## headings, [links](https://…)</span>
            </div>
            <textarea
              id={`${id}-body`}
              name="body"
              className="textarea kb-body-input"
              value={body}
              onChange={(event) => setBody(event.target.value)}
              maxLength={BODY_MAX}
              spellCheck
              aria-invalid={errors.body ? true : undefined}
              aria-describedby={errors.body ? `${id}-body-error` : undefined}
            />
            {errors.body ? (
              <p className="field-error" id={`${id}-body-error`}>
                {errors.body}
              </p>
            ) : null}
          </div>
          <section className="kb-preview" aria-label="Preview">
            <div className="kb-pane-header">
              <span className="label">Preview</span>
              <span className="hint">As customers will read it</span>
            </div>
            <div className="kb-preview-body">{body.trim() ? <MarkdownView source={body} /> : <p className="muted">Nothing to preview yet: write the article on the left.</p>}</div>
          </section>
        </div>
      </div>
      <div className="card-footer kb-editor-actions">
        <BusySubmitButton className="btn btn-primary" busy={busy} name={submitter?.name} value={submitter?.value}>
          {busy ? "Saving…" : submitLabel}
        </BusySubmitButton>
        {secondaryActions}
        {footerStatus === undefined ? null : (
          <p className="kb-save-status" role="status">
            {footerStatus}
          </p>
        )}
      </div>
    </Form>
  );
}
