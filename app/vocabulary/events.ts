/**
 * The types of the Event rows a conversation records (dot-named: `subject.verb`), in one list so
 * a reader can see them all and a query names them without typos. The flow machine's own events
 * (`customer.message`, `kb.feedback`, `bot.resume`) are messages to the machine, not rows.
 * Client-safe.
 */
export const EVENT_TYPES = [
  // The conversation's life, written by the runtime and the inbox.
  "conversation.started",
  "conversation.assigned",
  "conversation.reassigned",
  "conversation.released",
  "conversation.handedBack",
  "conversation.reopened",
  "conversation.resolved",
  "handoff",
  "handoff.queued",
  "agent.replied",
  "note.added",
  "csat.submitted",
  "turn.error",
  // What the flow did, recorded by the nodes and the flow behaviour.
  "node.entered",
  "bot.resumed",
  "trigger.fired",
  "intent.classified",
  "intent.social",
  "intent.offered",
  "intent.confirmed",
  "intent.declined",
  "kb.answered",
  "kb.notFound",
  "kb.suggested",
  "kb.feedback",
  "field.captured",
  "field.invalid",
  "choice.selected",
  "choice.unmatched",
  "language.detected",
  "http.called",
  "engine.fallback",
  "engine.error",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];


/** `conversation.released`'s `by` when nobody saved a change just then: the inbox's sweep handed it back. */
export const RELEASED_BY_SWEEP = "sweep";
