/**
 * The agent's own reply shows as sent as soon as the server stored it: the composer's answer
 * carries the stored line, the transcript shows it until the page's re-read brings the same
 * line (by id, so never twice), and an answer without a readable line is no line.
 */
import { describe, expect, it } from "vitest";
import { parseSentLine, withSentLines } from "~/inbox/sent-lines";
import type { TimelineItem, TimelineMessage } from "~/inbox/view";

const line = (id: string, seq: number, role: TimelineMessage["role"] = "agent"): TimelineMessage => ({
  kind: "message",
  id,
  seq,
  role,
  text: `line ${id}`,
  createdAt: "2026-12-07T10:00:00.000Z",
  authorName: "Ana Agent",
  source: null,
});
const activity: TimelineItem = { kind: "activity", id: "e1", text: "Handed off to Support", createdAt: "2026-12-07T09:59:00.000Z" };

describe("the agent's sent lines", () => {
  it("are shown after the transcript until the re-read has them, then once", () => {
    const timeline: TimelineItem[] = [line("c1", 1, "customer"), activity];
    expect(withSentLines(timeline, [line("a3", 3), line("a2", 2)]).map((item) => item.id)).toEqual(["c1", "e1", "a2", "a3"]);
    const reread: TimelineItem[] = [...timeline, line("a2", 2)];
    expect(withSentLines(reread, [line("a2", 2), line("a3", 3)]).map((item) => item.id)).toEqual(["c1", "e1", "a2", "a3"]);
    expect(withSentLines(reread, [line("a2", 2)])).toBe(reread);
  });

  it("are read from the composer's answer, and a garbled or missing line is none", () => {
    expect(parseSentLine({ ok: true, intent: "reply", notice: "Sent.", line: line("a2", 2) })).toEqual(line("a2", 2));
    expect(parseSentLine({ ok: true, intent: "note", notice: "Note added.", line: line("n2", 2, "note") })).toEqual(line("n2", 2, "note"));
    expect(parseSentLine({ ok: true, intent: "reply", notice: "Sent.", line: null })).toBeNull();
    expect(parseSentLine({ ok: true, intent: "reply", notice: "Sent.", line: { ...line("a2", 2), id: 7 } })).toBeNull();
    expect(parseSentLine({ ok: true, line: line("c2", 2, "customer") })).toBeNull();
    expect(parseSentLine(null)).toBeNull();
  });
});
