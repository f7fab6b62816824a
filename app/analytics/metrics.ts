/**
 * Every analytics metric, defined once. The queries (conversation-facts.server.ts) only fetch
 * one row of facts per conversation; what counts as contained, escalated, a repeat contact or a
 * first response is decided here, in pure functions the tests feed with known answers, and the
 * same sentences are shown on the page (METRIC_DEFINITIONS) so the numbers explain themselves.
 *
 * The population is always a cohort: the conversations STARTED in the date range (UTC days),
 * never the builder's preview runs. Their outcome is read as it stands now, so a conversation
 * from the range that is resolved tomorrow counts as resolved tomorrow.
 */
import { DAY_MS } from "./range";
import { HANDOFF_TRIGGER_LABELS, parseHandoffTrigger, type HandoffTrigger } from "~/vocabulary/handoff-triggers";

/**
 * How long a handoff waited in business time (app/workspace/business-hours.ts, by the team the
 * conversation is with now); wall time when not given or the team has no hours.
 */
export type BusinessClock = (facts: Pick<ConversationFacts, "teamId">, start: number, end: number) => number;
const WALL_CLOCK: BusinessClock = (_facts, start, end) => end - start;

/** One conversation, as the metrics need it. Times are epoch milliseconds. */
export type ConversationFacts = {
  id: string;
  flowId: string;
  createdAt: number;
  status: string;
  /** The latest handoff (a reopen or a second handoff moves it). */
  escalatedAt: number | null;
  /** The first handoff, which the first human response is measured from; null on rows written before it was stored. */
  firstEscalatedAt: number | null;
  firstHumanResponseAt: number | null;
  csat: number | null;
  /**
   * Who closed a handed-off conversation that is now resolved: a person (Resolve in the inbox), or
   * the bot after a person handed it back (the only way the bot gets a handed-off conversation).
   * Null when it is not resolved or was never handed off.
   */
  resolvedBy: "person" | "bot" | null;
  handoffTrigger: string | null;
  handoffNodeId: string | null;
  contactId: string | null;
  /** The team the conversation is with now (its business hours measure the first response in business time). */
  teamId?: string | null;
  /** When the same contact started their next (non-preview) conversation, if ever. */
  nextContactAt: number | null;
};

export const REPEAT_WINDOW_DAYS = 7;
export const SATISFIED_MIN_RATING = 4;

export type Ratio = { count: number; of: number; rate: number | null };
export type Durations = { count: number; medianMs: number | null; p90Ms: number | null; awaiting: number };
/**
 * Every handoff lands in exactly one place: measured (`count`), still `awaiting` a person, closed by a
 * person who never replied, or handed back to the bot before anyone replied.
 */
export type FirstResponse = Durations & {
  closedWithoutReply: number;
  handedBackWithoutReply: number;
  /** The same replies measured in the team's business hours only (equal to the wall-clock figures for teams that are always open). */
  business: { medianMs: number | null; p90Ms: number | null };
};
export type Csat = { responses: number; average: number | null; satisfiedRate: number | null };

export type MetricsSummary = {
  conversations: number;
  contained: Ratio;
  escalated: Ratio;
  leftWithBot: Ratio;
  firstResponse: FirstResponse;
  /** Resolved by a person, of the handed-off conversations. */
  resolvedAfterHandoff: Ratio;
  /** Closed by the bot after a person handed it back, of the handed-off conversations. */
  closedByBotAfterHandBack: Ratio;
  repeatContact: Ratio;
  csatBotOnly: Csat;
  csatEscalated: Csat;
};

export type MetricKey = Exclude<keyof MetricsSummary, "conversations"> | "conversations" | "escalationTrigger" | "escalationNode" | "funnel" | "team";

export const METRIC_DEFINITIONS: Record<MetricKey, { label: string; definition: string }> = {
  conversations: {
    label: "Conversations",
    definition: "Conversations started in the range (UTC days). Preview runs from the flow builder are never counted.",
  },
  contained: {
    label: "Containment",
    definition: "Share of conversations resolved without a person: the bot reached an end node and the conversation was never handed off. Today (UTC) counts as it stands, though its conversations still with the bot are not finished: the daily chart marks its point “today so far”.",
  },
  escalated: {
    label: "Escalation rate",
    definition: "Share of conversations handed off to a person at least once, by an escalate node or a global trigger. Today (UTC) counts as it stands, though its conversations still with the bot are not finished: the daily chart marks its point “today so far”.",
  },
  leftWithBot: {
    label: "Left with the bot",
    definition: "Conversations neither resolved nor handed off: the customer stopped answering (or is still talking to the bot).",
  },
  firstResponse: {
    label: "First human response",
    definition:
      "Time from the first handoff to the first agent reply, median and 90th percentile (interpolated between ranks, like a spreadsheet's PERCENTILE.INC). Measured once per conversation: a reopen or a later handoff does not start it again. Every handoff without a reply is counted apart, in one of three: awaiting (a person still has it), closed without a reply (a person resolved it without ever replying) or handed back without a reply (a person gave it back to the bot before anyone replied).",
  },
  resolvedAfterHandoff: {
    label: "Resolved after handoff",
    definition:
      "Share of handed-off conversations that a person resolved (whether or not they replied first). Those the bot closed after a person handed them back are counted apart, and neither counts a handed-back conversation the bot still has.",
  },
  closedByBotAfterHandBack: {
    label: "Closed by the bot after a hand-back",
    definition: "Share of handed-off conversations that a person handed back to the bot and the bot then closed at an end node.",
  },
  repeatContact: {
    label: "Repeat contact (7 days)",
    definition: `Share of conversations with a known contact after which the same contact started another conversation within ${REPEAT_WINDOW_DAYS} days (any flow).`,
  },
  csatBotOnly: {
    label: "CSAT, bot only",
    definition: `Average rating (1–5) of conversations never handed off, and the share rated ${SATISFIED_MIN_RATING} or 5.`,
  },
  csatEscalated: {
    label: "CSAT, escalated",
    definition: `Average rating (1–5) of handed-off conversations, and the share rated ${SATISFIED_MIN_RATING} or 5.`,
  },
  escalationTrigger: {
    label: "Escalations by trigger",
    definition: "What handed the conversation off: an escalate node in the flow, or a global trigger (a request for a person, repeated failure, sensitive content, a bot error). A conversation handed off twice counts its latest handoff.",
  },
  escalationNode: {
    label: "Escalations by node",
    definition: "The node the conversation was at when it was handed off: the escalate node itself, or the node whose question the trigger interrupted.",
  },
  funnel: {
    label: "Node funnel",
    definition:
      "Per node of the flow: conversations that entered it at least once, conversations that dropped off there (it was the last node they entered and they were neither resolved nor handed off) and conversations handed off from it.",
  },
  team: {
    label: "Team",
    definition:
      "A team's conversations are those handed off to it, plus those the bot handled alone in flows whose default team it is. A handoff moved to another team before anyone replied is credited to both: the team it was handed to (its handoff, its trigger and node, and the wait for a first reply, which began with them) and the team that finished it (the reply, the resolution, the rating). Each of the two teams' views counts it in every figure, so the teams' numbers may add up to more than All teams, which counts it once. Moved after a reply, it belongs to the team that has it now. Agents see only their teams.",
  },
};

const ratio = (count: number, of: number): Ratio => ({ count, of, rate: of === 0 ? null : count / of });

type Outcome = Pick<ConversationFacts, "status" | "escalatedAt">;
export const isEscalated = (facts: Outcome) => facts.escalatedAt !== null;
export const isResolved = (facts: Outcome) => facts.status === "resolved";
export const isContained = (facts: Outcome) => isResolved(facts) && !isEscalated(facts);
/** Dropped off: never handed off and not resolved — the customer left the bot (or is still with it). */
export const isLeftWithBot = (facts: Outcome) => !isResolved(facts) && !isEscalated(facts);

type Closing = Pick<ConversationFacts, "status" | "escalatedAt" | "resolvedBy">;
export const isResolvedByPerson = (facts: Closing) => isEscalated(facts) && isResolved(facts) && facts.resolvedBy !== "bot";
export const isClosedByBotAfterHandBack = (facts: Closing) => isEscalated(facts) && isResolved(facts) && facts.resolvedBy === "bot";
/** A handed-off conversation the bot has now (status "bot") or closed: a person handed it back. */
export const isHandedBack = (facts: Closing) => isEscalated(facts) && (facts.status === "bot" || isClosedByBotAfterHandBack(facts));

/** Percentile by linear interpolation between closest ranks (PERCENTILE.INC); `sorted` ascending. */
export function percentile(sorted: ArrayLike<number>, fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Once per conversation, from its FIRST handoff (as Zendesk's first reply time and Intercom's
 * time to first response): a reopen moves escalatedAt to restart the inbox's wait clock, which
 * must not restart this one. A reply before the start can only come from an old row without
 * firstEscalatedAt that was handed off again: no honest duration, left out.
 */
function firstResponse(conversations: ConversationFacts[], clock: BusinessClock): FirstResponse {
  const replies: RepliedHandoff[] = [];
  const unanswered = { awaiting: 0, closedWithoutReply: 0, handedBackWithoutReply: 0 };
  for (const facts of conversations) {
    const start = facts.firstEscalatedAt ?? facts.escalatedAt;
    if (start === null) continue;
    if (facts.firstHumanResponseAt !== null) replies.push({ day: 0, teamId: facts.teamId ?? null, start, reply: facts.firstHumanResponseAt });
    else if (isHandedBack(facts)) unanswered.handedBackWithoutReply += 1;
    else if (isResolved(facts)) unanswered.closedWithoutReply += 1;
    else unanswered.awaiting += 1;
  }
  return firstResponseOf(replies, unanswered, clock);
}

/**
 * A handoff a person replied to, as the per-day tallies fetch it (day-tallies.server.ts): the only
 * rows a report still reads one by one, because percentiles and business time need each wait.
 */
export type RepliedHandoff = { /** UTC day number of the conversation's start (epoch ms / DAY_MS). */ day: number; teamId: string | null; start: number; reply: number };
type Unanswered = Pick<FirstResponse, "awaiting" | "closedWithoutReply" | "handedBackWithoutReply">;

/**
 * Typed arrays sort numbers natively, in ascending order, without a comparator call per comparison:
 * a 90-day report sorts ~22,000 waits twice, plus every day's, and the comparator sort was a
 * fifth of the report's own CPU in the app.
 */
function firstResponseOf(replies: readonly RepliedHandoff[], { awaiting, closedWithoutReply, handedBackWithoutReply }: Unanswered, clock: BusinessClock): FirstResponse {
  const allDurations = new Float64Array(replies.length);
  const allBusinessDurations = new Float64Array(replies.length);
  let count = 0;
  for (const { teamId, start, reply } of replies) {
    if (reply < start) continue;
    allDurations[count] = reply - start;
    allBusinessDurations[count] = clock({ teamId }, start, reply);
    count += 1;
  }
  const durations = allDurations.subarray(0, count).sort();
  const businessDurations = allBusinessDurations.subarray(0, count).sort();
  return {
    count,
    medianMs: percentile(durations, 0.5),
    p90Ms: percentile(durations, 0.9),
    awaiting,
    closedWithoutReply,
    handedBackWithoutReply,
    business: { medianMs: percentile(businessDurations, 0.5), p90Ms: percentile(businessDurations, 0.9) },
  };
}

/** Ratings counted as they come (1–5; null is no rating). */
class CsatTally {
  private responses = 0;
  private sum = 0;
  private satisfied = 0;

  add(rating: number | null): void {
    if (rating === null) return;
    this.responses += 1;
    this.sum += rating;
    if (rating >= SATISFIED_MIN_RATING) this.satisfied += 1;
  }

  summary(): Csat {
    return csatOf({ responses: this.responses, sum: this.sum, satisfied: this.satisfied });
  }
}

/** Ratings as counted by the database (day-tallies.server.ts) or by CsatTally: how many, their sum, how many ≥ SATISFIED_MIN_RATING. */
export type CsatCounts = { responses: number; sum: number; satisfied: number };

function csatOf({ responses, sum, satisfied }: CsatCounts): Csat {
  if (responses === 0) return { responses: 0, average: null, satisfiedRate: null };
  return { responses, average: sum / responses, satisfiedRate: satisfied / responses };
}

export type ContactVisit = { contactId: string; at: number };

/**
 * Fills each conversation's nextContactAt: the same contact's first later conversation among
 * `visits` (which must cover the cohort's range and the repeat window after it).
 */
export function withNextContacts(conversations: ConversationFacts[], visits: ContactVisit[]): ConversationFacts[] {
  const nextContactAt = nextContactFinder(visits);
  return conversations.map((facts) => {
    const next = nextContactAt(facts.contactId, facts.createdAt);
    return next === null ? facts : { ...facts, nextContactAt: next };
  });
}

/**
 * The lookup behind withNextContacts, for callers that build the facts themselves and fill the
 * field as they go (a copy of 100,000 facts objects costs more than the lookups).
 */
export function nextContactFinder(visits: ContactVisit[]): (contactId: string | null, after: number) => number | null {
  const byContact = new Map<string, number[]>();
  for (const visit of visits) {
    const times = byContact.get(visit.contactId);
    if (times) times.push(visit.at);
    else byContact.set(visit.contactId, [visit.at]);
  }
  for (const times of byContact.values()) if (times.length > 1) times.sort((a, b) => a - b);
  return (contactId, after) => {
    const times = contactId === null ? undefined : byContact.get(contactId);
    return times ? firstAfter(times, after) : null;
  };
}

/** The first value of ascending `sorted` greater than `time` (binary search: a contact may have thousands). */
function firstAfter(sorted: number[], time: number): number | null {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= time) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length ? sorted[low] : null;
}

export function isRepeatContact(facts: ConversationFacts): boolean {
  return facts.contactId !== null && facts.nextContactAt !== null && facts.nextContactAt - facts.createdAt <= REPEAT_WINDOW_DAYS * DAY_MS;
}

/**
 * One pass over the conversations (a 90-day report summarises ~100,000 of them, and again per
 * day): the same predicates as above, counted together instead of one filtered copy each.
 */
export function summarise(conversations: ConversationFacts[], clock: BusinessClock = WALL_CLOCK): MetricsSummary {
  let contained = 0;
  let leftWithBot = 0;
  let resolvedByPerson = 0;
  let closedByBot = 0;
  let withContact = 0;
  let repeats = 0;
  const escalated: ConversationFacts[] = [];
  const ratings = { botOnly: new CsatTally(), escalated: new CsatTally() };
  for (const facts of conversations) {
    if (facts.contactId !== null) {
      withContact += 1;
      if (isRepeatContact(facts)) repeats += 1;
    }
    if (isEscalated(facts)) {
      escalated.push(facts);
      if (isResolvedByPerson(facts)) resolvedByPerson += 1;
      else if (isClosedByBotAfterHandBack(facts)) closedByBot += 1;
      ratings.escalated.add(facts.csat);
    } else {
      if (isContained(facts)) contained += 1;
      else if (isLeftWithBot(facts)) leftWithBot += 1;
      ratings.botOnly.add(facts.csat);
    }
  }
  return {
    conversations: conversations.length,
    contained: ratio(contained, conversations.length),
    escalated: ratio(escalated.length, conversations.length),
    leftWithBot: ratio(leftWithBot, conversations.length),
    firstResponse: firstResponse(escalated, clock),
    resolvedAfterHandoff: ratio(resolvedByPerson, escalated.length),
    closedByBotAfterHandBack: ratio(closedByBot, escalated.length),
    repeatContact: ratio(repeats, withContact),
    csatBotOnly: ratings.botOnly.summary(),
    csatEscalated: ratings.escalated.summary(),
  };
}

export type DailyMetrics = { day: string } & MetricsSummary;

/** The summary of each day's cohort, for every day of the range (empty days included). */
export function summariseByDay(conversations: ConversationFacts[], days: readonly string[], clock: BusinessClock = WALL_CLOCK): DailyMetrics[] {
  // Bucketed by the UTC day's number (no Date and string per conversation).
  const byDay = new Map<number, ConversationFacts[]>(days.map((day) => [Date.parse(`${day}T00:00:00Z`) / DAY_MS, []]));
  for (const facts of conversations) byDay.get(Math.floor(facts.createdAt / DAY_MS))?.push(facts);
  return days.map((day) => ({ day, ...summarise(byDay.get(Date.parse(`${day}T00:00:00Z`) / DAY_MS) ?? [], clock) }));
}

/**
 * One UTC day's cohort counted by the database (day-tallies.server.ts) with the predicates above
 * written as SQL: every count a MetricsSummary needs, so a report no longer reads a row per
 * conversation. The first response's waits come apart, as RepliedHandoff rows.
 */
export type DayTally = {
  /** UTC day number of the conversations' start (epoch ms / DAY_MS). */
  day: number;
  conversations: number;
  contained: number;
  escalated: number;
  leftWithBot: number;
  resolvedByPerson: number;
  closedByBot: number;
  awaiting: number;
  closedWithoutReply: number;
  handedBackWithoutReply: number;
  withContact: number;
  repeats: number;
  csatBotOnly: CsatCounts;
  csatEscalated: CsatCounts;
};

const COUNTED_FIELDS = ["conversations", "contained", "escalated", "leftWithBot", "resolvedByPerson", "closedByBot", "awaiting", "closedWithoutReply", "handedBackWithoutReply", "withContact", "repeats"] as const;

export function emptyDayTally(day: number): DayTally {
  return {
    day,
    conversations: 0,
    contained: 0,
    escalated: 0,
    leftWithBot: 0,
    resolvedByPerson: 0,
    closedByBot: 0,
    awaiting: 0,
    closedWithoutReply: 0,
    handedBackWithoutReply: 0,
    withContact: 0,
    repeats: 0,
    csatBotOnly: { responses: 0, sum: 0, satisfied: 0 },
    csatEscalated: { responses: 0, sum: 0, satisfied: 0 },
  };
}

function addTally(total: DayTally, tally: DayTally): void {
  for (const field of COUNTED_FIELDS) total[field] += tally[field];
  for (const csat of ["csatBotOnly", "csatEscalated"] as const) {
    total[csat].responses += tally[csat].responses;
    total[csat].sum += tally[csat].sum;
    total[csat].satisfied += tally[csat].satisfied;
  }
}

/** The same summary as summarise() gives for the conversations the tally counted. */
export function summariseTally(tally: DayTally, replies: readonly RepliedHandoff[], clock: BusinessClock = WALL_CLOCK): MetricsSummary {
  return {
    conversations: tally.conversations,
    contained: ratio(tally.contained, tally.conversations),
    escalated: ratio(tally.escalated, tally.conversations),
    leftWithBot: ratio(tally.leftWithBot, tally.conversations),
    firstResponse: firstResponseOf(replies, tally, clock),
    resolvedAfterHandoff: ratio(tally.resolvedByPerson, tally.escalated),
    closedByBotAfterHandBack: ratio(tally.closedByBot, tally.escalated),
    repeatContact: ratio(tally.repeats, tally.withContact),
    csatBotOnly: csatOf(tally.csatBotOnly),
    csatEscalated: csatOf(tally.csatEscalated),
  };
}

/**
 * summarise() and summariseByDay() from per-day tallies: the range's summary (every tally added
 * up) and one point per day of `days` (a day without a tally is empty).
 */
export function summariseTallies(
  tallies: readonly DayTally[],
  replies: readonly RepliedHandoff[],
  days: readonly string[],
  clock: BusinessClock = WALL_CLOCK,
): { summary: MetricsSummary; daily: DailyMetrics[] } {
  const total = emptyDayTally(0);
  for (const tally of tallies) addTally(total, tally);
  const tallyByDay = new Map(tallies.map((tally) => [tally.day, tally]));
  const repliesByDay = new Map<number, RepliedHandoff[]>();
  for (const reply of replies) {
    const list = repliesByDay.get(reply.day);
    if (list) list.push(reply);
    else repliesByDay.set(reply.day, [reply]);
  }
  return {
    summary: summariseTally(total, replies, clock),
    daily: days.map((day) => {
      const number = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
      return { day, ...summariseTally(tallyByDay.get(number) ?? emptyDayTally(number), repliesByDay.get(number) ?? [], clock) };
    }),
  };
}

/** The handoff triggers' labels, plus the bucket for a trigger the data does not name. */
export const TRIGGER_LABELS: Record<HandoffTrigger | "unknown", string> = { ...HANDOFF_TRIGGER_LABELS, unknown: "Unknown" };

export type Breakdown<K> = { key: K; count: number; shareOfEscalations: number; rateOfConversations: number };

/** Handed-off conversations with the same flow, trigger and node, and how many (the database groups them). */
export type EscalationGroup = Pick<ConversationFacts, "flowId" | "handoffTrigger" | "handoffNodeId"> & { count: number };

const asEscalationGroups = (conversations: ConversationFacts[]): EscalationGroup[] =>
  conversations.filter(isEscalated).map(({ flowId, handoffTrigger, handoffNodeId }) => ({ flowId, handoffTrigger, handoffNodeId, count: 1 }));

function breakdown<K>(escalations: readonly EscalationGroup[], conversations: number, keyOf: (group: EscalationGroup) => K, id: (key: K) => string): Breakdown<K>[] {
  let escalated = 0;
  const groups = new Map<string, { key: K; count: number }>();
  for (const escalation of escalations) {
    escalated += escalation.count;
    const key = keyOf(escalation);
    const group = groups.get(id(key)) ?? { key, count: 0 };
    group.count += escalation.count;
    groups.set(id(key), group);
  }
  return [...groups.values()]
    .map(({ key, count }) => ({ key, count, shareOfEscalations: count / escalated, rateOfConversations: count / conversations }))
    .sort((a, b) => b.count - a.count || id(a.key).localeCompare(id(b.key)));
}

export type TriggerKey = keyof typeof TRIGGER_LABELS;

export function escalationsByTrigger(conversations: ConversationFacts[]): Breakdown<TriggerKey>[] {
  return escalationGroupsByTrigger(asEscalationGroups(conversations), conversations.length);
}

/** escalationsByTrigger from grouped escalations of a cohort of `conversations`. */
export function escalationGroupsByTrigger(escalations: readonly EscalationGroup[], conversations: number): Breakdown<TriggerKey>[] {
  return breakdown(escalations, conversations, (group): TriggerKey => parseHandoffTrigger(group.handoffTrigger) ?? "unknown", (key) => key);
}

export type NodeKey = { flowId: string; nodeId: string | null };

export function escalationsByNode(conversations: ConversationFacts[]): Breakdown<NodeKey>[] {
  return escalationGroupsByNode(asEscalationGroups(conversations), conversations.length);
}

/** escalationsByNode from grouped escalations of a cohort of `conversations`. */
export function escalationGroupsByNode(escalations: readonly EscalationGroup[], conversations: number): Breakdown<NodeKey>[] {
  return breakdown(escalations, conversations, (group) => ({ flowId: group.flowId, nodeId: group.handoffNodeId }), (key) => `${key.flowId}\u0000${key.nodeId ?? ""}`);
}
