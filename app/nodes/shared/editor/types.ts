/**
 * The contract of a kind's editor (its `editor.tsx`): a canvas card and a settings form. Every
 * form takes the same props — the node's data, a change callback with the whole next data, and
 * what the workspace knows (teams, knowledge-base tags, the fields other steps collect).
 */
import type { ComponentType } from "react";
import type { NodeProps } from "reactflow";
import type { NodeKind } from "../../kinds";
import type { FieldType } from "../../collect/schema";

export type CardIssue = { severity: "error" | "warning"; message: string };

/** Preview runs light up the node the conversation is at and the path it took. */
export type PreviewMark = "active" | "visited" | null;

/**
 * The analytics overlay's numbers for one step over the chosen range: conversations that
 * entered it, ended there with the bot, or were handed off there; `share` is `passed` over all
 * of the flow's conversations. `unpublished`: the step is in no published version yet.
 */
export type NodeTraffic = {
  passed: number;
  droppedOff: number;
  escalated: number;
  share: number;
  /** Calls a "Call an API" step made, and how many failed (0 for other kinds). */
  apiCalls: number;
  apiFailures: number;
  unpublished: boolean;
};

/** React Flow node data: plain, serialisable values only. */
export type CanvasNodeData<D = unknown> = {
  kind: NodeKind;
  config: D;
  issues: CardIssue[];
  preview: PreviewMark;
  /** Null while the analytics overlay is off: the card looks as it always does. */
  traffic: NodeTraffic | null;
};

export type FieldProblem = { severity: "error" | "warning"; message: string };

/** A field some step collects (or the runtime fills), for template previews and pickers. */
export type KnownField = { name: string; type: FieldType | "contact"; choices: string[] };

export type SettingsContext = {
  /** The flow being edited (forms that ask the server something, e.g. the intent step's "test phrases"). */
  flowId: string;
  nodeId: string;
  teams: Array<{ slug: string; name: string }>;
  kbTags: string[];
  /** Names of the workspace's API credentials. */
  credentials: string[];
  fields: KnownField[];
  /** The problem of a data field (path like `intents.0.name`): an invalid value, or a compiler diagnostic. */
  problem: (field: string) => FieldProblem | undefined;
};

export type SettingsProps<D> = { data: D; onChange: (next: D) => void; context: SettingsContext };

export type NodeEditor<D> = {
  /** The kind's icon (palette, card, panel). */
  Icon: ComponentType;
  Card: ComponentType<NodeProps<CanvasNodeData<D>>>;
  Settings: ComponentType<SettingsProps<D>>;
};
