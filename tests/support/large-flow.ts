/**
 * A generated flow of any size for compile benchmarks and the speed sanity test: repeated
 * blocks of 10 nodes using every branching kind (intent, collect, condition, kb, gate,
 * messages, escalate), chained left to right, padded with messages to the exact size.
 */
import type { FlowDocumentInput } from "~/flow";

type RawNode = { id: string; kind: string; position: { x: number; y: number }; data: Record<string, unknown> };

export function generateLargeFlow(size: number): FlowDocumentInput {
  const nodes: RawNode[] = [];
  const edges: Array<{ id: string; source: string; sourceHandle: string; target: string }> = [];
  const add = (id: string, kind: string, data: Record<string, unknown>) => nodes.push({ id, kind, position: { x: nodes.length * 200, y: 0 }, data });
  const link = (source: string, sourceHandle: string, target: string) => edges.push({ id: `e${edges.length + 1}`, source, sourceHandle, target });
  add("start", "start", { greeting: "Hi!" });
  let previous = "start";
  const blocks = Math.floor((size - 2) / 10);
  for (let b = 0; b < blocks; b++) {
    const id = (name: string) => `b${b}_${name}`;
    add(id("intent"), "intent", {
      intents: ["track", "info", "skip"].map((name) => ({ name, examples: [`${name} order ${b}`, `please ${name} ${b}`, `I want to ${name}`] })),
      threshold: 0.5,
    });
    add(id("again"), "message", { text: "Sorry, could you rephrase?" });
    add(id("ask"), "collect", { field: `f${b}`, question: "What is your email?", type: "email" });
    add(id("check"), "condition", { field: `f${b}`, operator: "contains", value: "@" });
    add(id("kb"), "kb", { tags: [], minScore: 0.3, askFeedback: true });
    add(id("gate"), "gate", { score: "kb", threshold: 0.5 });
    add(id("done"), "message", { text: `Thanks {{f${b}}}` });
    add(id("more"), "message", { text: "Anything else?" });
    add(id("next"), "message", { text: "Moving on." });
    add(id("human"), "escalate", { team: "support", priority: "normal", reason: "generated" });
    link(previous, "next", id("intent"));
    link(id("intent"), "track", id("ask"));
    link(id("intent"), "info", id("kb"));
    link(id("intent"), "skip", id("next"));
    link(id("intent"), "unsure", id("again"));
    link(id("again"), "next", id("intent"));
    link(id("ask"), "captured", id("check"));
    link(id("ask"), "failed", id("human"));
    link(id("check"), "true", id("done"));
    link(id("check"), "false", id("human"));
    link(id("kb"), "answered", id("gate"));
    link(id("kb"), "notFound", id("human"));
    link(id("kb"), "notHelpful", id("human"));
    link(id("gate"), "confident", id("done"));
    link(id("gate"), "notConfident", id("human"));
    link(id("done"), "next", id("more"));
    link(id("more"), "next", id("next"));
    previous = id("next");
  }
  while (nodes.length < size - 1) {
    const id = `pad${nodes.length}`;
    add(id, "message", { text: "One more thing." });
    link(previous, "next", id);
    previous = id;
  }
  add("end", "end", { text: "Bye!" });
  link(previous, "next", "end");
  return {
    schemaVersion: 1,
    name: `Generated ${size}`,
    slug: `generated-${size}`,
    settings: {
      defaultTeam: "support",
      humanRequest: { enabled: true, team: "support", priority: "normal" },
      repeatedFailure: { enabled: true, limit: 3, team: "support", priority: "normal" },
      sensitive: { enabled: true, terms: ["chargeback"], team: "billing", priority: "high" },
    },
    nodes: nodes as FlowDocumentInput["nodes"],
    edges,
  };
}
