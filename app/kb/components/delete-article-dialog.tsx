/** "Delete article" with a confirmation dialog (native <dialog>: focus trap, Esc closes). */
import { Form } from "@remix-run/react";
import { useRef } from "react";
import { Icon } from "~/components/icons";

export function DeleteArticleButton({ title, shown, busy }: { title: string; shown: number; busy: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="btn btn-danger kb-delete" onClick={() => dialog.current?.showModal()}>
        <Icon name="trash" size={16} />
        Delete
      </button>
      <dialog ref={dialog} className="kb-dialog" aria-labelledby="delete-article-title">
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delete" />
          <h2 id="delete-article-title">Delete this article?</h2>
          <p>
            “{title}” will be removed from the knowledge base and the bot stops answering from it at once.
            {shown > 0 ? ` It was shown to customers ${shown === 1 ? "once" : `${shown.toLocaleString("en-US")} times`}.` : null} This cannot be undone.
          </p>
          <div className="row kb-dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn btn-danger-solid" disabled={busy}>
              Delete article
            </button>
          </div>
        </Form>
      </dialog>
    </>
  );
}
