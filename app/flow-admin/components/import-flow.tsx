import { Form, useNavigation } from "@remix-run/react";
import { Icon } from "~/components/icons";
import { plural } from "../format";
import { FLOW_LIST_INTENTS } from "../intents";
import { TableHead } from "~/components/table-head";

export type ImportProblem = { message: string; nodeId?: string; edgeId?: string; field?: string; path?: string };

/** A file picker that submits as soon as a file is chosen; works without JavaScript too (plus a submit button). */
export function ImportFlowButton() {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === FLOW_LIST_INTENTS.import;
  return (
    <Form method="post" encType="multipart/form-data" className="import-form">
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
        <button type="submit" className="btn btn-secondary">
          Upload
        </button>
      </noscript>
    </Form>
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
