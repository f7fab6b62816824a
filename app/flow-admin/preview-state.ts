import type { ConversationStatus } from "~/vocabulary/conversation-status";

/** Where a preview run is, as the editor's preview panel reads it (client-safe). */
export type PreviewState = {
  status: ConversationStatus;
  /** The node the conversation is at now (the last one entered), and every node it went through. */
  activeNodeId: string | null;
  visitedNodeIds: string[];
  fields: Record<string, string | number>;
  /**
   * The last classification, also when the bot was unsure (intent null). `wordsOnly`: decided on
   * words alone because the sentence encoder missed the turn's deadline (as is the last answer's).
   */
  /** `confirmed`: the customer picked it at "Did you mean…?" (the confidence is the model's, under the bar). */
  intent: { name: string | null; confidence: number; wordsOnly: boolean; confirmed: boolean } | null;
  kb: { title: string; score: number | null; wordsOnly: boolean } | null;
  /** The run's API calls ("Call an API" steps), newest last: the request and what it saved. */
  apiCalls: PreviewApiCall[];
  handoff: { team: string | null; priority: number; reason: string | null; trigger: string | null } | null;
};

export type PreviewApiCall = {
  nodeId: string | null;
  method: string;
  url: string;
  status: number | null;
  ok: boolean;
  detail: string;
  fields: Record<string, string | number>;
};
