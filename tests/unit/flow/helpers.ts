import { expect } from "vitest";
import { compileFlow, parseFlowDocument, type FlowDocument, type FlowMachine, type FlowServices, type TurnResult } from "~/flow";
import { runTurn, startConversation } from "~/flow";

type NodeSpec = [id: string, kind: string, data?: Record<string, unknown>];
type EdgeSpec = [source: string, handle: string, target: string];

export const baseSettings = {
  defaultTeam: "support",
  humanRequest: { enabled: true, team: "support", priority: "normal" },
  repeatedFailure: { enabled: true, limit: 2, team: "support", priority: "normal" },
  sensitive: { enabled: true, terms: ["chargeback", "lawyer", "cancel my account"], team: "billing", priority: "high" },
};

/** A flow document from a compact description; nodes are laid out left to right. */
export function rawFlow(nodes: NodeSpec[], edges: EdgeSpec[], settings: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    name: "Test flow",
    slug: "test-flow",
    settings: structuredClone({ ...baseSettings, ...settings }),
    nodes: nodes.map(([id, kind, data], index) => ({ id, kind, position: { x: index * 240, y: 0 }, data: data ?? {} })),
    edges: edges.map(([source, sourceHandle, target], index) => ({ id: `e${index + 1}`, source, sourceHandle, target })),
  };
}

export function buildFlow(nodes: NodeSpec[], edges: EdgeSpec[], settings: Record<string, unknown> = {}): FlowDocument {
  const parsed = parseFlowDocument(rawFlow(nodes, edges, settings));
  if (!parsed.ok) throw new Error(`test flow is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.document;
}

export function compileClean(document: FlowDocument): FlowMachine {
  const { machine, diagnostics } = compileFlow(document);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return machine;
}

/** What the bot said, without the CSAT question an end node always adds. */
export const texts = (result: TurnResult) => result.messages.filter((message) => !message.csat).map((message) => message.text);
export const eventTypes = (result: TurnResult) => result.events.map((event) => event.type);
/** The outputs taken, as `node:handle`: each `node.entered` records the output that led to it. */
export const outcomes = (result: TurnResult) =>
  result.events
    .filter((event) => event.type === "node.entered" && event.payload.fromNodeId !== undefined)
    .map((event) => `${String(event.payload.fromNodeId)}:${String(event.payload.fromHandle)}`);

/**
 * Drives a conversation the way the runtime does: every snapshot goes through JSON between
 * turns, exactly as it would through the database.
 */
export class Conversation {
  snapshot: unknown = null;
  last!: TurnResult;
  constructor(private machine: FlowMachine, private engines: FlowServices) {}

  async start(fields?: Record<string, string | number>): Promise<TurnResult> {
    return this.keep(await startConversation(this.machine, this.engines, { fields }));
  }

  async say(text: string): Promise<TurnResult> {
    return this.keep(await runTurn(this.machine, this.engines, this.snapshot, { type: "customer.message", text }));
  }

  async feedback(helpful: boolean): Promise<TurnResult> {
    return this.keep(await runTurn(this.machine, this.engines, this.snapshot, { type: "kb.feedback", helpful }));
  }

  keep(result: TurnResult): TurnResult {
    this.snapshot = JSON.parse(JSON.stringify(result.snapshot));
    this.last = result;
    return result;
  }
}

/**
 * start → one kb step (minScore 0.73 unless `data` says otherwise) whose outcomes each say a line:
 * answered "Glad it helped.", notFound "Let me get a person.", notHelpful "Sorry it didn't help."
 * The repeated-failure handoff is off unless `settings` turns it on.
 */
export function kbStepFlow(data: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): FlowMachine {
  return compileClean(
    buildFlow(
      [
        ["s", "start", { greeting: "Hi!" }],
        ["k", "kb", { minScore: 0.73, ...data }],
        ["yes", "message", { text: "Glad it helped." }],
        ["nf", "message", { text: "Let me get a person." }],
        ["nh", "message", { text: "Sorry it didn't help." }],
        ["e", "end", { text: "" }],
      ],
      [["s", "next", "k"], ["k", "answered", "yes"], ["k", "notFound", "nf"], ["k", "notHelpful", "nh"], ["yes", "next", "e"], ["nf", "next", "e"], ["nh", "next", "e"]],
      { repeatedFailure: { enabled: false, limit: 2, team: "support", priority: "normal" }, ...settings },
    ),
  );
}
