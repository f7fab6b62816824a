import { Link } from "@remix-run/react";

type Added = { ok: true; question: string; alreadyThere: boolean; article: { id: string; title: string; status: "published" | "draft" } } | { ok: false; message: string };

/** What "Add to an article…" did, above the list it was used on: the article it went to, or why not. */
export function AddedExampleNotice({ added }: { added: Added | undefined }) {
  if (!added) return null;
  if (!added.ok)
    return (
      <p className="form-error" role="alert">
        {added.message}
      </p>
    );
  return (
    <p className="notice" role="status">
      {added.alreadyThere ? "“" + added.question + "” was already an example question of " : "Added “" + added.question + "” as an example question of "}
      <Link to={`/kb/${added.article.id}`}>{added.article.title}</Link>.{" "}
      {added.article.status === "published" ? "The bot matches this question to that article from now on." : "The bot uses it once the article is published."}
    </p>
  );
}
