/**
 * Which of a step's later events follows a message: the review list reads the step's candidate
 * follow-up events for a whole page in one query (intent-review-picks.server.ts) and matches
 * each unsure message here, in code, to the first of its conversation's events after it. Pure,
 * so the matching is tested without a database.
 */

/** One of the step's events that may follow a message (its type, and the intent it names if any). */
export type StepEvent = { conversationId: string; type: string; intent: string | null; createdAt: string | Date };

/** A conversation's step events, oldest first, with their times in milliseconds (compared many times). */
export type ConversationTimeline = { times: number[]; events: StepEvent[] };

const millis = (at: string | Date) => new Date(at).getTime();

/**
 * The events by conversation, each conversation's oldest first. Events at one instant keep the
 * order they came in (the query sorts by time, then id, so the choice among them is stable).
 */
export function timelinesByConversation(events: StepEvent[]): Map<string, ConversationTimeline> {
  const grouped = new Map<string, StepEvent[]>();
  for (const event of events) {
    const list = grouped.get(event.conversationId);
    if (list) list.push(event);
    else grouped.set(event.conversationId, [event]);
  }
  const timelines = new Map<string, ConversationTimeline>();
  for (const [conversationId, list] of grouped) {
    const sorted = list.map((event) => ({ event, at: millis(event.createdAt) })).sort((a, b) => a.at - b.at);
    timelines.set(conversationId, { times: sorted.map((one) => one.at), events: sorted.map((one) => one.event) });
  }
  return timelines;
}

/**
 * The first event strictly after `at` (an event at the message's own instant was written by the
 * same turn, not in reply to it); null when none. Binary search: one conversation may hold
 * thousands of the step's events, each of them also a message to match.
 */
export function nextEventAfter(timeline: ConversationTimeline | undefined, at: string | Date): StepEvent | null {
  if (!timeline) return null;
  const after = millis(at);
  let low = 0;
  let high = timeline.times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timeline.times[middle] <= after) low = middle + 1;
    else high = middle;
  }
  return timeline.events[low] ?? null;
}
