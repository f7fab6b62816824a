/** Version history: every published version with who published it and when; any can be restored as the draft. */
import { useEffect, useState } from "react";
import { Dialog } from "~/components/dialog";
import { FormError } from "~/components/form";
import { listVersionsRequest, type VersionSummary } from "../editor-api";

type Props = { flowId: string; open: boolean; onClose: () => void; onRestore: (version: VersionSummary) => Promise<void> };

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function VersionsDialog({ flowId, open, onClose, onRestore }: Props) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    setError(null);
    void listVersionsRequest(flowId).then((result) => {
      if (!current) return;
      if (result.ok) setVersions(result.data.versions);
      else setError(`Could not load the versions: ${result.message}`);
    });
    return () => {
      current = false;
    };
  }, [flowId, open]);
  return (
    <Dialog open={open} onClose={onClose} title="Version history" description="Every published version. Restoring one makes it the draft; publish to put it live again." wide>
      <FormError message={error} />
      {versions === null && !error ? <p className="muted">Loading…</p> : null}
      {versions?.length === 0 ? <p className="muted">Nothing published yet. Publish the flow to create version 1.</p> : null}
      {versions && versions.length > 0 ? (
        <ol className="version-list">
          {versions.map((version) => (
            <li key={version.id} className="version-item">
              <div className="version-text">
                <span className="version-number">
                  Version {version.number}
                  {version.current ? <span className="badge badge-success">Live</span> : null}
                  {version.matchesDraft ? <span className="badge">Same as the draft</span> : null}
                </span>
                <span className="version-meta">
                  Published {formatWhen(version.publishedAt)}
                  {version.publishedBy ? ` by ${version.publishedBy}` : ""}
                </span>
              </div>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={restoring !== null || version.matchesDraft}
                onClick={async () => {
                  setRestoring(version.id);
                  await onRestore(version);
                  setRestoring(null);
                }}
              >
                {restoring === version.id ? "Restoring…" : "Restore as draft"}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </Dialog>
  );
}
