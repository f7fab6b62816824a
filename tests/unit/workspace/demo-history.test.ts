/**
 * The generated demo history (app/workspace/demo-history/) without a database: the starter
 * flows run through the real flow engine with scripted engines, deterministically per seed, and
 * the inbox it leaves is the one a team starts a day with.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFlowDocument } from "~/flow";
import { VAGUE_LINES } from "~/nodes/shared/demo";
import { generateDemoHistory, type DemoHistoryInput } from "~/workspace/demo-history/generate";

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const MINUTE = 60_000;

function starterFlows(): DemoHistoryInput["flows"] {
  const dir = path.resolve(__dirname, "../../../flows");
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name, index) => {
      const parsed = parseFlowDocument(JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")));
      if (!parsed.ok) throw new Error(name);
      return { id: `flow-${index}`, versionId: `version-${index}`, versionNumber: 1, document: parsed.document };
    });
}

const input = (seed: number): DemoHistoryInput => ({
  flows: starterFlows(),
  teams: [
    { id: "team-support", slug: "support", name: "Support", agents: [{ id: "ana", name: "Ana Lopez" }] },
    { id: "team-billing", slug: "billing", name: "Billing", agents: [{ id: "ben", name: "Ben Okafor" }] },
  ],
  articles: [
    { id: "kb-ship", slug: "shipping", title: "Shipping", tags: ["shipping"], excerpt: "Standard shipping takes 3-5 business days." },
    { id: "kb-refunds", slug: "refunds", title: "Refunds", tags: ["returns", "refunds"], excerpt: "Refunds take 5-7 business days." },
  ],
  now: NOW,
  conversations: 60,
  days: 10,
  seed,
});

// Hundreds of scripted turns: seconds on a busy machine.
describe("the generated demo history", { timeout: 60_000 }, () => {
  it("is the same for the same seed and different for another", async () => {
    const first = await generateDemoHistory(input(7));
    expect(await generateDemoHistory(input(7))).toEqual(first);
    const other = await generateDemoHistory(input(8));
    expect(other.messages.map((message) => message.text)).not.toEqual(first.messages.map((message) => message.text));
  });

  it("records only what the runtime records, and leaves two fresh handoffs per team and nothing open", async () => {
    const history = await generateDemoHistory(input(11));
    expect(history.conversations).toHaveLength(60);
    const types = new Set(history.events.map((event) => event.type));
    for (const type of ["conversation.started", "node.entered", "handoff", "conversation.resolved", "conversation.assigned", "agent.replied"]) expect(types).toContain(type);
    for (const type of ["node.outcome", "conversation.ended", "handoff.queued", "message.received"]) expect(types).not.toContain(type);
    expect(history.conversations.filter((conversation) => conversation.status === "open")).toEqual([]);
    const waiting = history.conversations.filter((conversation) => conversation.status === "waiting");
    expect(waiting.map((conversation) => conversation.teamId).sort()).toEqual(["team-billing", "team-billing", "team-support", "team-support"]);
    for (const conversation of waiting) expect(NOW - conversation.escalatedAt!.getTime()).toBeLessThan(30 * MINUTE);
    for (const row of [...history.messages, ...history.events]) expect(row.createdAt.getTime()).toBeLessThanOrEqual(NOW);
  });

  it("looks a vague line up in the help centre (store-support) and, finding nothing, asks to rephrase: never a random article", async () => {
    const history = await generateDemoHistory({ ...input(5), conversations: 200 });
    const lookups = history.events.filter((event) => event.nodeId === "help-centre-kb" && event.type.startsWith("kb."));
    const queries = (type: string) => lookups.filter((event) => event.type === type).map((event) => (JSON.parse(event.payload) as { query: string }).query);
    expect(queries("kb.notFound").length).toBeGreaterThan(0);
    for (const query of queries("kb.notFound")) expect(VAGUE_LINES).toContain(query);
    expect(queries("kb.answered").filter((query) => VAGUE_LINES.includes(query))).toEqual([]);
    const afterLookup = history.events.filter((event) => event.type === "node.entered" && (JSON.parse(event.payload) as { fromNodeId?: string }).fromNodeId === "help-centre-kb");
    expect(new Set(afterLookup.map((event) => event.nodeId))).toContain("rephrase");
  });
});
