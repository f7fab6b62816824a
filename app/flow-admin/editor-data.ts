/** What the editor route's loader hands the canvas editor (client-safe types). */
import type { FlowDocument } from "~/flow/document";

export type EditorTeam = { slug: string; name: string };

export type FlowEditorData = {
  flow: { id: string; name: string; slug: string; archived: boolean };
  document: FlowDocument;
  /** The draft's revision (epoch ms of its last save): a save names the revision it is based on. */
  revision: number;
  teams: EditorTeam[];
  kbTags: string[];
  /** Names of the workspace's API credentials (never their secrets), for "Call an API" steps. */
  credentials: string[];
  published: { number: number; publishedAt: string } | null;
  unpublishedChanges: boolean;
};
