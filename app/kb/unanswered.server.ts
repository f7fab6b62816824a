/**
 * Questions the bot found no article for (`kb.notFound`, recorded with the customer's words) in
 * the last days, most frequent first: the gaps in the knowledge base. Preview runs are left out,
 * as everywhere on the KB pages. Questions are grouped by their normalised text (case, spacing,
 * trailing punctuation), shown as the latest customer wording.
 */
import { queryAll } from "~/runtime/sql.server";

export type UnansweredQuestion = { question: string; count: number; lastAskedAt: Date };

const WINDOW_DAYS = 30;
const SCAN_LIMIT = 2_000;

const UNANSWERED_SQL = `
  SELECT payload, createdAt FROM Event
  WHERE type = 'kb.notFound' AND createdAt >= ? AND conversationId NOT IN (SELECT id FROM Conversation WHERE channel = 'preview')
  ORDER BY createdAt DESC LIMIT ${SCAN_LIMIT}`;

function readQuery(payload: string): string | null {
  try {
    const value = (JSON.parse(payload) as { query?: unknown } | null)?.query;
    return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 300) : null;
  } catch {
    return null;
  }
}

const normalise = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, " ").replace(/[\s?!.]+$/, "");

export function listUnansweredQuestions(options: { now?: Date; limit?: number } = {}): UnansweredQuestion[] {
  const since = new Date((options.now ?? new Date()).getTime() - WINDOW_DAYS * 86_400_000);
  const groups = new Map<string, UnansweredQuestion>();
  for (const row of queryAll<{ payload: string; createdAt: string }>(UNANSWERED_SQL, [since])) {
    const question = readQuery(row.payload);
    if (!question) continue;
    const key = normalise(question);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { question, count: 1, lastAskedAt: new Date(row.createdAt) });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime()).slice(0, options.limit ?? 5);
}

export const UNANSWERED_WINDOW_DAYS = WINDOW_DAYS;
