/** "Delete article", asking first (the shared ConfirmButton). */
import { ConfirmButton } from "~/components/confirm-dialog";
import { Icon } from "~/components/icons";

export function DeleteArticleButton({ title, shown, busy }: { title: string; shown: number; busy: boolean }) {
  const usage = shown > 0 ? ` It was shown to customers ${shown === 1 ? "once" : `${shown.toLocaleString("en-US")} times`}.` : "";
  return (
    <ConfirmButton
      className="btn btn-danger kb-delete"
      label={
        <>
          <Icon name="trash" size={16} />
          Delete
        </>
      }
      title="Delete this article?"
      text={`“${title}” will be removed from the knowledge base and the bot stops answering from it at once.${usage} This cannot be undone.`}
      confirm="Delete article"
      fields={{ intent: "delete" }}
      busy={busy}
    />
  );
}
