/** Shapes of the conversation view (client-safe): the timeline and the side panel. */
import type { HandoffPacket } from "~/runtime/handoff-packet";
import type { ConversationStatus } from "~/vocabulary/conversation-status";
import type { OfferedChoices } from "./offered-choices";
import type { Priority } from "./queues";

export type TimelineMessage = {
  kind: "message";
  id: string;
  seq: number;
  role: "customer" | "bot" | "agent" | "system" | "note";
  text: string;
  createdAt: string;
  authorName: string | null;
  source: { title: string; slug: string } | null;
  /** On the KB's "These articles might help": the buttons the customer saw and their pick (absent on other lines). */
  offer?: OfferedChoices;
};

/** What happened around the messages (claimed, moved, resolved…), shown as quiet lines in the transcript. */
export type TimelineActivity = {
  kind: "activity";
  id: string;
  text: string;
  createdAt: string;
  /** It caused the messages committed with it (a hand back and the bot's next question): shown before them. */
  leads?: boolean;
};

export type TimelineItem = TimelineMessage | TimelineActivity;

export type TeamMember = { id: string; name: string; availability: "online" | "away"; openCount: number; capacity: number };

export type PreviousConversation = { id: string; createdAt: string; status: string; intent: string | null; summary: string | null; canOpen: boolean };

export type ConversationView = {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  intent: { name: string; confidence: number | null } | null;
  fields: Record<string, string | number>;
  summary: string | null;
  packet: HandoffPacket | null;
  trigger: string | null;
  reason: string | null;
  channel: string;
  page: string | null;
  flow: { name: string; slug: string };
  team: { id: string; slug: string; name: string; slaMinutes: number } | null;
  assignee: { id: string; name: string } | null;
  /** `id` is null while the bot only captured details and no contact row exists yet. */
  contact: { id: string | null; name: string | null; email: string | null; phone: string | null } | null;
  createdAt: string;
  /** The latest handoff (a reopen moves it): the wait shown in the queues counts from here. */
  escalatedAt: string | null;
  /** The first handoff: the analytics' first human response is measured from it, once. */
  firstEscalatedAt: string | null;
  firstHumanResponseAt: string | null;
  resolvedAt: string | null;
  csat: number | null;
  /** Customer messages the responsible agent has not seen yet. */
  unread: number;
  /** Until when it is out of the working queues; null when it is not snoozed (or the snooze is over). */
  snoozedUntil: string | null;
  labels: Array<{ id: string; name: string; color: string }>;
  timeline: TimelineItem[];
  previous: PreviousConversation[];
};

export type SavedReplyItem = { id: string; teamId: string; title: string; text: string };

export type HandBackTarget = { nodeId: string; label: string; isEnd: boolean };

export type ConversationTools = {
  /** The viewer may act (their team, or an admin); otherwise the view is read-only. */
  canAct: boolean;
  members: TeamMember[];
  teams: Array<{ id: string; name: string }>;
  handBackTargets: HandBackTarget[];
  /** Every label of the workspace, to apply. */
  labels: Array<{ id: string; name: string; color: string }>;
  /** What the customer is told on a hand-back (the flow's line); the agent may rewrite it. */
  handBackLine: string;
  savedReplies: SavedReplyItem[];
};

/** Moved to a team the viewer is not in (`teamName`: where it went). */
export type MovedToTeam = { kind: "moved"; teamName: string; byName: string | null; at: string };
/** Gone back to its team's queue because the viewer was moved out of that team (`teamName`: the team left). */
export type LeftItsTeam = { kind: "leftTeam"; teamName: string; at: string };
/** Why a conversation the viewer had (and may no longer open) closed on them. */
export type MovedAway = MovedToTeam | LeftItsTeam;
