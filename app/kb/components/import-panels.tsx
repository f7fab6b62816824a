/** The import page's pieces: the picker form, the outcome (success or every problem), the format help. */
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { Icon } from "~/components/icons";

export type ImportOutcome =
  | { ok: true; created: string[]; updated: string[]; skipped: string[]; at: number }
  | { ok: false; message: string; problems: string[]; skipped: string[]; at: number };

type Picked = { label: string; count: number };

export function ImportForm() {
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useRef<HTMLFormElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const busy = navigation.state === "submitting";

  const pick = (input: HTMLInputElement, kind: "folder" | "files") => {
    const files = [...(input.files ?? [])];
    // One source at a time: picking a folder clears picked files and vice versa.
    for (const other of form.current?.querySelectorAll<HTMLInputElement>("input[type=file]") ?? []) if (other !== input) other.value = "";
    if (files.length === 0) return setPicked(null);
    const folder = kind === "folder" ? files[0].webkitRelativePath.split("/")[0] : "";
    setPicked({ label: folder ? `Folder “${folder}” · ` : files.length === 1 ? `${files[0].name} · ` : "", count: files.length });
  };

  // The browser sends only each file's base name; send its path inside the folder too, for the messages.
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = new FormData();
    for (const input of event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=file]")) {
      for (const file of input.files ?? []) {
        body.append("files", file);
        body.append("paths", file.webkitRelativePath || file.name);
      }
    }
    submit(body, { method: "post", encType: "multipart/form-data" });
  };

  return (
    <Form ref={form} method="post" encType="multipart/form-data" className="card" onSubmit={send} aria-label="Import articles">
      <div className="card-body kb-import-grid">
        <label className="kb-drop">
          <Icon name="book" size={22} />
          <span className="kb-drop-title">Choose a folder</span>
          <span className="hint">Every .md and .csv file in it (and its subfolders)</span>
          <input type="file" name="files" multiple className="kb-file-input" onChange={(event) => pick(event.currentTarget, "folder")} {...{ webkitdirectory: "" }} aria-label="Choose a folder" />
        </label>
        <label className="kb-drop">
          <Icon name="upload" size={22} />
          <span className="kb-drop-title">Choose files</span>
          <span className="hint">One or more .md files, or a .csv file</span>
          <input type="file" name="files" multiple accept=".md,.csv,text/markdown,text/csv" className="kb-file-input" onChange={(event) => pick(event.currentTarget, "files")} aria-label="Choose files" />
        </label>
      </div>
      <div className="card-footer kb-import-footer">
        <span className="muted" role="status">
          {picked ? `${picked.label}${picked.count === 1 ? "1 file" : `${picked.count} files`} selected` : "No files selected"}
        </span>
        <button type="submit" className="btn btn-primary" disabled={busy || !picked}>
          {busy ? "Importing…" : "Import"}
        </button>
      </div>
    </Form>
  );
}

export function ImportProblems({ outcome }: { outcome: Extract<ImportOutcome, { ok: false }> }) {
  return (
    <section className="kb-problems" role="alert" aria-labelledby="import-problems-title" key={outcome.at}>
      <h2 id="import-problems-title">
        <Icon name="alert" size={18} />
        {outcome.problems.length > 0 ? "Nothing was imported" : "Could not import"}
      </h2>
      <p>{outcome.message}</p>
      {outcome.problems.length > 0 ? (
        <ul className="kb-problem-list">
          {outcome.problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function FileFormats() {
  return (
    <section className="card" aria-labelledby="import-format-title">
      <div className="card-header">
        <div>
          <h2 id="import-format-title">File formats</h2>
          <p>
            The same files <code>npm run kb -- import</code> reads. An article whose slug already exists is updated.
          </p>
        </div>
      </div>
      <div className="card-body grid-2 kb-formats">
        <div className="stack">
          <h3 className="form-title">Markdown</h3>
          <p className="hint">
            One article per file. The file name is the article's slug (<code>refund-status.md</code> → <code>refund-status</code>). Front matter sets
            the title, tags, status (published or draft) and, optionally, <code>questions</code>: a list of ways customers ask what the article answers.
          </p>
          <pre className="kb-code">{"---\ntitle: Where is my refund?\ntags: [refunds, billing]\nstatus: published\nquestions:\n  - when do I get my money back?\n  - refund still not on my card\n---\nRefunds reach your card **5–7 business days**\nafter we receive the return."}</pre>
        </div>
        <div className="stack">
          <h3 className="form-title">CSV</h3>
          <p className="hint">
            One article per row with the columns <code>title</code>, <code>body</code> and <code>tags</code> (separated by ; or ,), and optionally{" "}
            <code>status</code> and <code>questions</code> (example questions customers ask, one per line inside the cell). The slug is made from the title.
          </p>
          <pre className="kb-code">{'title,body,tags,questions\n"Where is my refund?","Refunds reach your card\n5–7 business days after…",refunds;billing,"when do I get my money back?\nrefund still not on my card"'}</pre>
        </div>
      </div>
    </section>
  );
}

export function ImportSuccess({ outcome }: { outcome: Extract<ImportOutcome, { ok: true }> }) {
  const total = outcome.created.length + outcome.updated.length;
  return (
    <section className="notice kb-import-done" role="status" key={outcome.at}>
      <p>
        <strong>
          Imported {total === 1 ? "1 article" : `${total} articles`}: {outcome.created.length} created, {outcome.updated.length} updated.
        </strong>{" "}
        Published ones are searchable by the bot now. <Link to="/kb">See the articles</Link>
      </p>
      {outcome.skipped.length > 0 ? (
        <p className="muted">
          Skipped {outcome.skipped.length === 1 ? "1 file" : `${outcome.skipped.length} files`} that {outcome.skipped.length === 1 ? "is" : "are"} not .md or .csv: {outcome.skipped.slice(0, 5).join(", ")}
          {outcome.skipped.length > 5 ? "…" : ""}
        </p>
      ) : null}
    </section>
  );
}
