import { Form, Link } from "@remix-run/react";
import { Icon } from "~/components/icons";
import { plural } from "../format";
import { FLOW_LIST_INTENTS } from "../intents";
import { TableHead, type Column } from "~/components/table-head";

export type FlowRow = {
  id: string;
  name: string;
  slug: string;
  published: number | null;
  unpublishedChanges: boolean;
  edited: string;
  archived: boolean;
  conversations7d: number;
  conversationsTotal: number;
};

function FlowStatus({ flow }: { flow: FlowRow }) {
  if (flow.archived) return <span className="badge">Archived</span>;
  if (flow.published === null) return <span className="badge badge-draft">Draft</span>;
  return (
    <span className="flow-status">
      <span className="badge badge-success">Published v{flow.published}</span>
      {flow.unpublishedChanges ? <span className="flow-status-note">Unpublished changes</span> : null}
    </span>
  );
}

type Props = { flows: FlowRow[]; onRename: (flow: FlowRow) => void; onDelete: (flow: FlowRow) => void };

const FLOW_COLUMNS: Column[] = [
  { label: "Flow" },
  { label: "Status" },
  { label: "Last edited" },
  { label: "Conversations (7 days)", className: "cell-number" },
  { label: "Actions", hidden: true },
];

export function FlowTable({ flows, onRename, onDelete }: Props) {
  return (
    <table className="table flow-table">
      <TableHead columns={FLOW_COLUMNS} />
      <tbody>
        {flows.map((flow) => (
          <tr key={flow.id} className={flow.archived ? "is-archived" : undefined}>
            <td>
              <Link to={`/flows/${flow.id}`} className="flow-name">
                {flow.name}
              </Link>
              {flow.published !== null && !flow.archived ? (
                // The live chat is one click away, in its own tab (a draft or archived flow has none to open).
                <a className="flow-slug" href={`/chat/${flow.slug}`} target="_blank" rel="noopener noreferrer" aria-label={`/chat/${flow.slug}: open the chat page of ${flow.name} (new tab)`}>
                  /chat/{flow.slug}
                </a>
              ) : (
                <div className="flow-slug">/chat/{flow.slug}</div>
              )}
            </td>
            <td>
              <FlowStatus flow={flow} />
            </td>
            <td className="muted">{flow.edited}</td>
            <td className="cell-number">{flow.conversations7d}</td>
            <td className="cell-actions">
              <div className="row flow-actions">
                <button type="button" className="btn btn-ghost btn-icon" aria-label={`Rename ${flow.name}`} title="Rename" onClick={() => onRename(flow)}>
                  <Icon name="pencil" size={16} />
                </button>
                <Form method="post">
                  <input type="hidden" name="intent" value={FLOW_LIST_INTENTS.duplicate} />
                  <input type="hidden" name="flowId" value={flow.id} />
                  <button type="submit" className="btn btn-ghost btn-icon" aria-label={`Duplicate ${flow.name}`} title="Duplicate">
                    <Icon name="copy" size={16} />
                  </button>
                </Form>
                <a className="btn btn-ghost btn-icon" href={`/flows/${flow.id}/export`} download aria-label={`Export ${flow.name}`} title="Export as JSON">
                  <Icon name="download" size={16} />
                </a>
                {flow.archived ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value={FLOW_LIST_INTENTS.restore} />
                    <input type="hidden" name="flowId" value={flow.id} />
                    <button type="submit" className="btn btn-secondary btn-sm">
                      Restore
                    </button>
                  </Form>
                ) : (
                  <button type="button" className="btn btn-ghost btn-icon btn-ghost-danger" aria-label={`Delete ${flow.name}`} title="Delete" onClick={() => onDelete(flow)}>
                    <Icon name="trash" size={16} />
                  </button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function describeDeletion(flow: FlowRow): { title: string; text: string; confirm: string } {
  if (flow.conversationsTotal > 0) {
    return {
      title: `Archive “${flow.name}”?`,
      text: `${plural(flow.conversationsTotal, "conversation")} ran on this flow, so it is archived rather than deleted: its chat page stops taking new conversations, and transcripts, the inbox and analytics keep everything. You can restore it later.`,
      confirm: "Archive flow",
    };
  }
  return { title: `Delete “${flow.name}”?`, text: "Nobody has talked to this flow yet. Deleting it removes its draft and every published version. This cannot be undone.", confirm: "Delete flow" };
}
