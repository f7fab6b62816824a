/** The editor's top bar: back to the list, the flow's name and state, history, and the main actions. */
import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons";
import type { AnalyticsOverlay } from "../use-analytics-overlay";
import type { SaveState } from "../use-autosave";
import { AnalyticsToggle } from "./analytics-overlay-controls";
import { SaveIndicator } from "./save-indicator";

type Props = {
  name: string;
  published: number | null;
  unpublishedChanges: boolean;
  save: SaveState;
  invalid: string | null;
  onRetrySave: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  errors: number;
  warnings: number;
  onShowProblems: () => void;
  onOpenSettings: () => void;
  onOpenVersions: () => void;
  onExport: () => void;
  analytics: AnalyticsOverlay;
  previewOpen: boolean;
  onPreview: () => void;
  publishing: boolean;
  onPublish: () => void;
  /** The saved draft is exactly the live version: publishing would only make an identical copy. */
  draftIsLive: boolean;
};

function PublishState({ published, unpublishedChanges }: { published: number | null; unpublishedChanges: boolean }) {
  if (published === null) return <span className="badge badge-draft">Draft · never published</span>;
  return <span className={unpublishedChanges ? "badge badge-draft" : "badge badge-success"}>{unpublishedChanges ? `v${published} live · unpublished changes` : `Published v${published}`}</span>;
}

export function EditorToolbar(props: Props) {
  const problems = props.errors + props.warnings;
  return (
    <header className="builder-toolbar nokey">
      <Link to="/flows" className="btn btn-ghost btn-icon" aria-label="Back to flows" title="Back to flows">
        <Icon name="chevron-left" size={18} />
      </Link>
      <div className="builder-title">
        <button type="button" className="builder-name" onClick={props.onOpenSettings} title="Flow settings">
          {props.name}
        </button>
        <div className="builder-state">
          <PublishState published={props.published} unpublishedChanges={props.unpublishedChanges} />
          <SaveIndicator state={props.save} invalid={props.invalid} onRetry={props.onRetrySave} />
        </div>
      </div>
      <div className="toolbar-group" role="group" aria-label="History">
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!props.canUndo} onClick={props.onUndo}>
          <Icon name="undo" size={17} />
        </button>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!props.canRedo} onClick={props.onRedo}>
          <Icon name="redo" size={17} />
        </button>
      </div>
      <div className="toolbar-group toolbar-tools">
        <button type="button" className={`btn btn-sm problems-button${props.errors ? " has-errors" : problems ? " has-warnings" : ""}`} onClick={props.onShowProblems}>
          {problems === 0 ? <Icon name="check" size={14} /> : <Icon name="alert" size={14} />}
          {problems === 0 ? "No problems" : `${problems} problem${problems === 1 ? "" : "s"}`}
        </button>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Version history" title="Version history" onClick={props.onOpenVersions}>
          <Icon name="history" size={17} />
        </button>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Flow settings" title="Flow settings" onClick={props.onOpenSettings}>
          <Icon name="settings" size={17} />
        </button>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Export as JSON" title="Export as JSON" onClick={props.onExport}>
          <Icon name="download" size={17} />
        </button>
      </div>
      <AnalyticsToggle overlay={props.analytics} />
      <div className="toolbar-group toolbar-main">
        <button type="button" className={props.previewOpen ? "btn btn-secondary btn-sm is-active" : "btn btn-secondary btn-sm"} aria-pressed={props.previewOpen} onClick={props.onPreview} title="Preview">
          <Icon name="play" size={14} />
          <span className="toolbar-label-wide">Preview</span>
        </button>
        <span className="publish-wrap" title={props.draftIsLive ? `Nothing to publish: the draft is the same as the live version v${props.published}.` : undefined}>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={props.onPublish}
            disabled={props.publishing || props.draftIsLive}
            aria-describedby={props.draftIsLive ? "publish-nothing-new" : undefined}
          >
            {props.publishing ? "Publishing…" : "Publish"}
          </button>
          {props.draftIsLive ? (
            <span id="publish-nothing-new" className="visually-hidden">
              Nothing to publish: the draft is the same as the live version.
            </span>
          ) : null}
        </span>
      </div>
    </header>
  );
}
