/** Banners above the canvas: a save conflict, unsaved edits from an earlier session, and notices. */
import type { ReactNode } from "react";
import { Icon } from "~/components/icons";

export type Notice = { tone: "success" | "error" | "info"; text: ReactNode; at: number };

export function NoticeBar({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  return (
    <div className={`builder-notice is-${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
      <span>{notice.text}</span>
      <button type="button" className="btn btn-ghost btn-icon" aria-label="Dismiss" onClick={onClose}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

export function ConflictBanner({ onLoadLatest, onKeepMine }: { onLoadLatest: () => void; onKeepMine: () => void }) {
  return (
    <div className="builder-banner" role="alert">
      <Icon name="alert" size={16} />
      <span>
        <strong>Someone else saved this flow</strong> (another tab or another admin). Your changes are not saved yet: load their version (yours stay one Undo away), or save yours over theirs.
      </span>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onLoadLatest}>
        Load their version
      </button>
      <button type="button" className="btn btn-primary btn-sm" onClick={onKeepMine}>
        Keep mine and save
      </button>
    </div>
  );
}

export function StaleBufferBanner({ savedAt, onRestore, onDiscard }: { savedAt: number; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="builder-banner" role="alert">
      <Icon name="alert" size={16} />
      <span>
        <strong>You have unsaved changes from {new Date(savedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}.</strong> The flow was saved elsewhere since then.
      </span>
      <button type="button" className="btn btn-secondary btn-sm" onClick={onDiscard}>
        Discard them
      </button>
      <button type="button" className="btn btn-primary btn-sm" onClick={onRestore}>
        Restore my changes
      </button>
    </div>
  );
}
