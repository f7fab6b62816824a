import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useHydrated } from "~/chat/use-hydrated";
import { Dialog } from "~/components/dialog";
import { Icon } from "~/components/icons";
import { plural } from "../format";
import { FLOW_LIST_INTENTS } from "../intents";
import { TableHead } from "~/components/table-head";

export type ImportProblem = { message: string; nodeId?: string; edgeId?: string; field?: string; path?: string };
/**
 * Mirrors ImportConflict in flows.server.ts (a client file cannot import its type's module), with
 * the file: its name, and its text for the page that asks without JavaScript (a file input cannot
 * be filled again, so that page posts the text back with the choice; only its Upload button gets it).
 */
export type ImportConflictView = { id: string; name: string; draftSteps: number; fileSteps: number; unpublishedChanges: boolean; published: number | null; filename: string; fileText?: string; at: number };

/** The conflict dialog's buttons submit this form again, so the chosen file travels with the choice. */
const IMPORT_FORM_ID = "import-flow-form";

/** A file picker that submits as soon as a file is chosen; works without JavaScript too (plus a submit button). */
export function ImportFlowButton() {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === FLOW_LIST_INTENTS.import;
  return (
    <Form method="post" encType="multipart/form-data" className="import-form" id={IMPORT_FORM_ID}>
      <input type="hidden" name="intent" value={FLOW_LIST_INTENTS.import} />
      <label className="btn btn-secondary file-button">
        <Icon name="upload" size={16} />
        {busy ? "Importing…" : "Import"}
        <input
          type="file"
          name="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Import a flow file (.json)"
          onChange={(event) => {
            if (event.currentTarget.files?.length) event.currentTarget.form?.requestSubmit();
          }}
        />
      </label>
      <noscript>
        <button type="submit" name="noscript" value="1" className="btn btn-secondary">
          Upload
        </button>
      </noscript>
    </Form>
  );
}

function describeDraft(conflict: ImportConflictView): string {
  if (conflict.published === null) return "It has never been published: its draft is its only copy and will be lost.";
  if (conflict.unpublishedChanges) return `Its draft has unpublished changes that will be lost (published version ${conflict.published} stays live).`;
  return `Its draft is the same as published version ${conflict.published}, which stays live.`;
}

const conflictTitle = (conflict: ImportConflictView) => `Replace the draft of “${conflict.name}”?`;
const conflictSource = (conflict: ImportConflictView) => `${conflict.filename} is a version of this flow (same address).`;

/** What replacing would lose and what the copy keeps: the same words in the dialog and on the page without JavaScript. */
function ConflictQuestion({ conflict }: { conflict: ImportConflictView }) {
  return (
    <>
      <p>
        Replacing puts the file’s {plural(conflict.fileSteps, "step")} in place of the draft’s {plural(conflict.draftSteps, "step")}. {describeDraft(conflict)}
      </p>
      <p className="muted">Or import it as a new flow, “… (imported)”, and keep this one as it is.</p>
    </>
  );
}

/**
 * The import conflict, asked on the page: shown until the app has hydrated, so without JavaScript
 * (the dialog needs it) the lead gets the same three choices as ordinary form submits. Replace
 * and Import as a new flow post the file's text back; Cancel reloads the list, writing nothing.
 */
export function ImportConflictSection({ conflict }: { conflict: ImportConflictView | null }) {
  const hydrated = useHydrated();
  // No text: the conflict came from the dialog's form (JavaScript), which asks itself.
  if (hydrated || conflict?.fileText === undefined) return null;
  return (
    <section className="card import-conflict" role="alert" aria-labelledby="import-conflict-heading">
      <div className="card-header">
        <div>
          <h2 id="import-conflict-heading">{conflictTitle(conflict)}</h2>
          <p>{conflictSource(conflict)} Nothing was imported yet.</p>
        </div>
      </div>
      <div className="card-body stack">
        <ConflictQuestion conflict={conflict} />
        <div className="dialog-actions">
          <Form method="get" action="/flows" className="import-form">
            <button type="submit" className="btn btn-secondary">
              Cancel
            </button>
          </Form>
          <Form method="post" encType="multipart/form-data" className="import-form">
            <input type="hidden" name="intent" value={FLOW_LIST_INTENTS.importChoice} />
            <input type="hidden" name="filename" value={conflict.filename} />
            <input type="hidden" name="fileText" value={conflict.fileText} />
            <button type="submit" name="choice" value="copy" className="btn btn-secondary">
              Import as a new flow
            </button>
            <button type="submit" name="choice" value="replace" className="btn btn-danger-solid">
              Replace the draft
            </button>
          </Form>
        </div>
      </div>
    </section>
  );
}

/**
 * Asks before an import replaces an existing flow's draft. Nothing was written: the buttons post
 * the import form again with a choice; Cancel clears the file input so the same file can be picked again. The dialog stays open until
 * the answer arrives (a submit button removed on click would not submit).
 */
export function ImportConflictDialog({ conflict }: { conflict: ImportConflictView | null }) {
  const [dismissedAt, setDismissedAt] = useState(0);
  const open = conflict !== null && conflict.at !== dismissedAt;
  const close = () => {
    if (conflict) setDismissedAt(conflict.at);
    (document.getElementById(IMPORT_FORM_ID) as HTMLFormElement | null)?.reset();
  };
  return (
    <Dialog open={open} onClose={close} title={conflict ? conflictTitle(conflict) : ""} description={conflict ? conflictSource(conflict) : undefined}>
      {conflict ? (
        <div className="stack">
          <ConflictQuestion conflict={conflict} />
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="submit" form={IMPORT_FORM_ID} name="choice" value="copy" className="btn btn-secondary">
              Import as a new flow
            </button>
            <button type="submit" form={IMPORT_FORM_ID} name="choice" value="replace" className="btn btn-danger-solid">
              Replace the draft
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

function where(problem: ImportProblem): string {
  if (problem.nodeId) return `Step “${problem.nodeId}”`;
  if (problem.edgeId) return `Connection “${problem.edgeId}”`;
  if (problem.field?.startsWith("settings")) return "Flow settings";
  return "Document";
}

export function ImportProblems({ filename, problems }: { filename: string; problems: ImportProblem[] }) {
  return (
    <section className="card import-problems" role="alert" aria-labelledby="import-problems-heading">
      <div className="card-header">
        <div>
          <h2 id="import-problems-heading">Nothing was imported</h2>
          <p>
            {filename} has {plural(problems.length, "problem")}. Fix {problems.length === 1 ? "it" : "them"} in the file and import it again.
          </p>
        </div>
      </div>
      <table className="table">
        <TableHead columns={[{ label: "Where" }, { label: "Field" }, { label: "Problem" }]} />
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index}>
              <td className="person-name">{where(problem)}</td>
              <td>{problem.field ? <code>{problem.field}</code> : <span className="muted">—</span>}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
