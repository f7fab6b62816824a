/**
 * The agent's own replies and notes the server has stored but the page has not re-read yet: the
 * composer's POST answers with the stored line, so it shows as sent (name, time, full colour) at
 * once instead of a faded "You · sent" until the page's loaders run again. Client-safe.
 */
import { z } from "zod";
import type { TimelineItem, TimelineMessage } from "./view";

/** The stored line in the answer to POST /inbox/:id/messages (read at the edge: a garbled one is no line). */
export const SentLineSchema = z.object({
  kind: z.literal("message"),
  id: z.string(),
  seq: z.number(),
  role: z.enum(["agent", "note"]),
  text: z.string(),
  createdAt: z.string(),
  authorName: z.string().nullable(),
  source: z.object({ title: z.string(), slug: z.string() }).nullable(),
});

export function parseSentLine(answer: unknown): TimelineMessage | null {
  const parsed = z.object({ line: SentLineSchema }).safeParse(answer);
  return parsed.success ? parsed.data.line : null;
}

/** The transcript with the sent lines it does not have yet, after it in the order they were stored; one the re-read brought is not shown twice. */
export function withSentLines(timeline: TimelineItem[], sent: TimelineMessage[]): TimelineItem[] {
  const known = new Set(timeline.map((item) => item.id));
  const missing = sent.filter((line) => !known.has(line.id));
  return missing.length === 0 ? timeline : [...timeline, ...missing.sort((a, b) => a.seq - b.seq)];
}
