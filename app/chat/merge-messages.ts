import type { ChatAgent, ChatMessage } from "./types";

/**
 * Merges messages from any source (loader, POST reply, live stream, resync GET) into the
 * transcript. The same message arrives through several of them, so identity is the server's
 * message id: a known id is updated in place (a later copy may carry more, e.g. author),
 * an unknown one is appended in arrival order — each source delivers a turn in seq order.
 */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const indexById = new Map(current.map((message, index) => [message.id, index]));
  let next: ChatMessage[] | null = null;
  for (const message of incoming) {
    const index = indexById.get(message.id);
    if (index === undefined) {
      next ??= [...current];
      indexById.set(message.id, next.length);
      next.push(message);
      continue;
    }
    const existing = (next ?? current)[index];
    const merged = { ...existing, ...message, author: message.author ?? existing.author };
    if (!sameMessage(existing, merged)) {
      next ??= [...current];
      next[index] = merged;
    }
  }
  return next ?? current;
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.text === b.text && a.author === b.author && a.csat === b.csat && a.choices?.length === b.choices?.length && a.source?.articleId === b.source?.articleId;
}

/** Adds authors from the page's details to agent messages that lack them. */
export function withAuthors(messages: ChatMessage[], authors: Record<string, ChatAgent>): ChatMessage[] {
  let changed = false;
  const next = messages.map((message) => {
    const author = authors[message.id];
    if (message.role !== "agent" || !author || message.author === author) return message;
    changed = true;
    return { ...message, author };
  });
  return changed ? next : messages;
}

/**
 * The flow asks "Did this help?" as its own bot message with two choices right after a KB
 * answer. The page folds that question into the answer's source card (whose buttons call
 * /feedback), so it is not shown twice. Returns the ids of such folded questions.
 */
export function findFeedbackQuestions(messages: ChatMessage[]): Map<string, ChatMessage> {
  const questionByAnswer = new Map<string, ChatMessage>();
  for (let index = 0; index < messages.length - 1; index += 1) {
    const answer = messages[index];
    const next = messages[index + 1];
    if (answer.role === "bot" && answer.source && next.role === "bot" && next.choices?.length === 2 && !next.source) {
      questionByAnswer.set(answer.id, next);
    }
  }
  return questionByAnswer;
}

/**
 * The end step asks for a rating as a bot line of its own (`csat: true`), which API clients and the
 * inbox's transcript show. The page asks with its rating card instead (CsatPrompt), so the line is
 * left out of the transcript: the customer is asked once.
 */
export function isRatingQuestion(message: ChatMessage): boolean {
  return message.role === "bot" && message.csat === true;
}

/** Choices are answerable only on the latest message, and only while the bot is listening. */
export function activeChoicesMessageId(messages: ChatMessage[]): string | null {
  const last = messages.at(-1);
  return last && last.role === "bot" && last.choices?.length ? last.id : null;
}
