/**
 * One generated customer walking through a published flow document, the way the runtime would
 * take them: the bot's own texts, the customer's answers (intent examples from the document,
 * order numbers, emails, choices), the node outcomes, the global triggers and the events the
 * runtime records (node.entered, node.outcome, intent.classified, field.captured, kb.answered,
 * kb.feedback, trigger.fired, handoff, handoff.queued, conversation.ended). Conditions and
 * confidence gates use the real rules, so a walk never takes a branch the flow would not.
 */
import { evaluateExpression, parseExpression } from "~/nodes/set/expression";
import type { FlowDocument, FlowNode, FlowNodeOf } from "~/flow";
import { evaluateCondition } from "~/nodes/condition/evaluate";
import type { NodeKind } from "~/nodes/kinds";
import type { HandoffRequest } from "~/nodes/shared/context";
import { phrasesFor } from "~/nodes/shared/phrases";
import { fillTemplate } from "~/nodes/shared/template";
import type { Random } from "./random";

export type Line = { role: "customer" | "bot" | "system"; text: string; at: number; metadata: Record<string, unknown> };
export type WalkEvent = { type: string; nodeId: string | null; payload: Record<string, unknown>; at: number };
export type DemoArticle = { id: string; slug: string; title: string; tags: string[]; excerpt: string };
export type Customer = { name: string | null; email: string | null };

export type WalkResult = {
  lines: Line[];
  events: WalkEvent[];
  fields: Record<string, string>;
  intent: { name: string; confidence: number } | null;
  articlesShown: DemoArticle[];
  questionsAsked: string[];
  outcome: { kind: "resolved"; at: number } | { kind: "abandoned" } | { kind: "handoff"; at: number; request: HandoffRequest & { message?: string } };
  endedAt: number;
};

/** Chances per waiting step, tuned so the starter flows contain about half of their conversations. */
const CHANCES = { apiFails: 0.08, abandon: 0.04, humanRequest: 0.035, sensitive: 0.01, unsure: 0.12, collectValid: 0.9, retryValid: 0.6, kbFound: 0.85, kbHelpful: 0.8 };

const VAGUE = ["hello?", "I have a question about something", "it's about my thing", "hmm", "can you help", "the website"];
const HUMAN = ["Can I talk to a real person please?", "agent", "I want to speak to a human", "just connect me to someone"];
const INVALID = ["not sure", "I don't have it here", "12345", "it's the one from last week"];
const MAX_NODES = 40;

type Walk = Omit<WalkResult, "outcome" | "endedAt"> & { random: Random; now: number; failures: number; pendingQuestion: string | null; outcome: WalkResult["outcome"] | null };
type Step<K extends NodeKind> = (node: FlowNodeOf<K>, walk: Walk, document: FlowDocument) => string | null;

const bot = (walk: Walk, text: string, metadata: Record<string, unknown> = {}) => {
  walk.now += 1_000 + walk.random.int(0, 1_500);
  if (text) walk.lines.push({ role: "bot", text, at: walk.now, metadata });
};
const record = (walk: Walk, type: string, nodeId: string | null, payload: Record<string, unknown> = {}) => walk.events.push({ type, nodeId, payload, at: walk.now });

function customer(walk: Walk, text: string) {
  walk.now += Math.round(walk.random.logNormal(22_000, 0.6));
  walk.lines.push({ role: "customer", text, at: walk.now, metadata: {} });
  record(walk, "message.received", null, { length: text.length, status: "bot" });
  walk.pendingQuestion = text;
}

function handoff(walk: Walk, request: HandoffRequest & { message?: string }) {
  const payload = { team: request.team, priority: request.priority, reason: request.reason, trigger: request.trigger };
  if (request.trigger !== "node") record(walk, "trigger.fired", request.nodeId ?? null, payload);
  bot(walk, request.message?.trim() ? fillTemplate(request.message, walk.fields) : phrasesFor(undefined).handoff(request.team), { nodeId: request.nodeId });
  record(walk, "handoff", request.nodeId ?? null, payload);
  walk.outcome = { kind: "handoff", at: walk.now, request };
}

/** The customer's turn at a waiting node; false when a global trigger or leaving ended the walk. */
function waitForCustomer(walk: Walk, node: FlowNode, document: FlowDocument): boolean {
  const { random } = walk;
  const { humanRequest, sensitive } = document.settings;
  if (random.chance(CHANCES.abandon)) {
    walk.outcome = { kind: "abandoned" };
    return false;
  }
  if (humanRequest.enabled && random.chance(CHANCES.humanRequest)) {
    customer(walk, random.pick(HUMAN));
    handoff(walk, { trigger: "humanRequest", team: humanRequest.team, priority: humanRequest.priority, reason: "The customer asked for a person", nodeId: node.id });
    return false;
  }
  if (sensitive.enabled && sensitive.terms.length > 0 && random.chance(CHANCES.sensitive)) {
    const term = random.pick(sensitive.terms);
    customer(walk, `If this isn't sorted today I'll go for a ${term}.`);
    handoff(walk, { trigger: "sensitive", team: sensitive.team, priority: sensitive.priority, reason: `Sensitive content: "${term}"`, nodeId: node.id });
    return false;
  }
  return true;
}

function answerFor(node: FlowNodeOf<"collect">, walk: Walk, customerInfo: Customer): string {
  const { random } = walk;
  const { type, choices, field } = node.data;
  if (type === "choice" && choices.length > 0) return random.pick(choices);
  if (type === "email") return customerInfo.email ?? `guest${random.int(100, 999)}@example.com`;
  if (type === "phone") return `+1 555 01${random.int(10, 99)} ${random.int(1000, 9999)}`;
  if (type === "number") return String(random.int(1, 5));
  if (type === "yesno") return random.pick(["yes", "no"]);
  if (type === "date") return `2026-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
  if (/order/i.test(field)) return String(random.int(1_000_000_000, 9_999_999_999));
  return random.pick(["The seam on the left sleeve came apart after one wash", "There's a stain on the front that won't come out", "It arrived with a tear near the zip", "I got a different colour than I ordered"]);
}

function makeSteps(customerInfo: Customer, articles: DemoArticle[]): { [K in NodeKind]: Step<K> } {
  return {
    start: (node, walk) => (bot(walk, node.data.greeting, { nodeId: node.id }), "next"),
    message: (node, walk) => (bot(walk, fillTemplate(node.data.text, walk.fields), { nodeId: node.id }), "next"),
    intent: (node, walk, document) => {
      if (!waitForCustomer(walk, node, document)) return null;
      const { random } = walk;
      const intents = node.data.intents;
      if (intents.length === 0 || random.chance(CHANCES.unsure)) {
        customer(walk, random.pick(VAGUE));
        record(walk, "intent.classified", node.id, { intent: null, confidence: Math.round(random.next() * 35) / 100, ranked: [] });
        return "unsure";
      }
      const intent = random.weighted(intents, (_, index) => 1 / (index + 1.3));
      // Matched intents are mostly confident: the square root skews the draw towards 1.
      const confidence = Math.round((node.data.threshold + (1 - node.data.threshold) * Math.sqrt(random.next())) * 100) / 100;
      customer(walk, random.pick(intent.examples.length > 0 ? intent.examples : [intent.name.replace(/_/g, " ")]));
      record(walk, "intent.classified", node.id, { intent: intent.name, confidence, ranked: [{ name: intent.name, confidence }] });
      walk.intent = { name: intent.name, confidence };
      return intent.name;
    },
    collect: (node, walk, document) => {
      const { field, question, retries, choices, type } = node.data;
      if (walk.fields[field] !== undefined) {
        record(walk, "field.captured", node.id, { field, value: walk.fields[field], source: "known" });
        return "captured";
      }
      const text = fillTemplate(question, walk.fields);
      bot(walk, text, { nodeId: node.id, ...(type === "choice" ? { choices } : {}) });
      walk.questionsAsked.push(text);
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (!waitForCustomer(walk, node, document)) return null;
        if (walk.random.chance(attempt === 0 ? CHANCES.collectValid : CHANCES.retryValid)) {
          const value = answerFor(node, walk, customerInfo);
          customer(walk, value);
          walk.fields[field] = value;
          record(walk, "field.captured", node.id, { field, value, source: "answer" });
          return "captured";
        }
        customer(walk, walk.random.pick(INVALID));
        record(walk, "field.invalid", node.id, { field, attempt: attempt + 1 });
        if (attempt < retries) bot(walk, `That doesn't look like a valid ${field.replace(/_/g, " ")}. Please check it and try again.`, { nodeId: node.id });
      }
      return "failed";
    },
    choice: (node, walk, document) => {
      const { question, options, field } = node.data;
      const text = fillTemplate(question, walk.fields);
      bot(walk, text, { nodeId: node.id, choices: options.map((option) => option.label) });
      walk.questionsAsked.push(text);
      if (!waitForCustomer(walk, node, document)) return null;
      const option = walk.random.pick(options);
      customer(walk, option.label);
      if (field) walk.fields[field] = option.label;
      record(walk, "choice.selected", node.id, { option: option.id, label: option.label, typed: false });
      return option.id;
    },
    kb: (node, walk, document) => {
      const { random } = walk;
      const phrases = phrasesFor(document.settings.locale);
      if (!walk.pendingQuestion) {
        bot(walk, phrases.kbPrompt, { nodeId: node.id });
        if (!waitForCustomer(walk, node, document)) return null;
        customer(walk, "How does this work?");
      }
      walk.pendingQuestion = null;
      const candidates = articles.filter((article) => node.data.tags.length === 0 || article.tags.some((tag) => node.data.tags.includes(tag)));
      if (candidates.length === 0 || !random.chance(CHANCES.kbFound)) {
        record(walk, "kb.notFound", node.id, { query: walk.lines.at(-1)?.text ?? "" });
        return "notFound";
      }
      const article = random.pick(candidates);
      const score = Math.round((node.data.minScore + (1 - node.data.minScore) * random.next() * 0.8) * 100) / 100;
      record(walk, "kb.answered", node.id, { articleId: article.id, slug: article.slug, title: article.title, score });
      bot(walk, article.excerpt, { nodeId: node.id, source: { articleId: article.id, slug: article.slug, title: article.title } });
      if (!walk.articlesShown.some((shown) => shown.id === article.id)) walk.articlesShown.push(article);
      if (!node.data.askFeedback) return "answered";
      bot(walk, phrases.feedbackQuestion, { nodeId: node.id, choices: phrases.feedbackChoices });
      if (!waitForCustomer(walk, node, document)) return null;
      const helpful = random.chance(CHANCES.kbHelpful);
      customer(walk, helpful ? phrases.feedbackChoices[0] : phrases.feedbackChoices[1]);
      record(walk, "kb.feedback", node.id, { helpful, articleId: article.id });
      return helpful ? "answered" : "notHelpful";
    },
    gate: (node, walk) => ((walk.intent?.confidence ?? 0) >= node.data.threshold ? "confident" : "notConfident"),
    // Generated customers write in English.
    language: (node, walk) => {
      if (!node.data.languages.includes("en")) return "other";
      walk.fields[node.data.field] = "en";
      record(walk, "language.detected", node.id, { language: "en" });
      return "en";
    },
    set: (node, walk) => {
      const { field, mode, value } = node.data;
      const parsed = mode === "expression" ? parseExpression(value) : null;
      const result = parsed ? (parsed.ok ? evaluateExpression(parsed.expression, walk.fields) : parsed) : { ok: true as const, value: fillTemplate(value, walk.fields) };
      if (result.ok) walk.fields[field] = String(result.value);
      return "next";
    },
    // A generated lookup: a failure now and then, so the canvas overlay has API failures to show.
    http: (node, walk) => {
      const { method, url, map } = node.data;
      if (walk.random.chance(CHANCES.apiFails)) {
        record(walk, "http.called", node.id, { method, url, status: null, ok: false, error: "timeout", detail: `no answer within ${node.data.timeoutMs / 1000} s`, durationMs: node.data.timeoutMs, fields: {} });
        return "failed";
      }
      const fields = Object.fromEntries(map.map((mapping) => [mapping.field, /status/i.test(mapping.field) ? walk.random.pick(["shipped", "processing", "delivered"]) : `demo ${mapping.field.replace(/_/g, " ")}`]));
      Object.assign(walk.fields, fields);
      record(walk, "http.called", node.id, { method, url, status: 200, ok: true, error: null, detail: "", durationMs: walk.random.int(40, 400), fields });
      return "ok";
    },
    condition: (node, walk) => (evaluateCondition(walk.fields[node.data.field], node.data.operator, node.data.value) ? "true" : "false"),
    escalate: (node, walk) => {
      const { team, priority, reason, message } = node.data;
      handoff(walk, { trigger: "node", team: team || "support", priority, reason: reason || "Escalated by the flow", nodeId: node.id, message });
      return null;
    },
    end: (node, walk, document) => {
      bot(walk, fillTemplate(node.data.text, walk.fields), { nodeId: node.id });
      bot(walk, phrasesFor(document.settings.locale).csatQuestion, { nodeId: node.id, csat: true });
      record(walk, "conversation.ended", node.id);
      walk.outcome = { kind: "resolved", at: walk.now };
      return null;
    },
  };
}

const FAILURE_HANDLES = new Set(["unsure", "failed", "notFound", "notHelpful"]);

export function walkFlow(document: FlowDocument, input: { random: Random; startAt: number; customer: Customer; articles: DemoArticle[] }): WalkResult {
  const steps = makeSteps(input.customer, input.articles);
  const walk: Walk = { random: input.random, now: input.startAt, lines: [], events: [], fields: {}, intent: null, articlesShown: [], questionsAsked: [], failures: 0, pendingQuestion: null, outcome: null };
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  let node: FlowNode | undefined = document.nodes.find((candidate) => candidate.kind === "start");
  const { repeatedFailure } = document.settings;
  for (let visited = 0; node && !walk.outcome && visited < MAX_NODES; visited += 1) {
    record(walk, "node.entered", node.id, { kind: node.kind });
    const current: FlowNode = node;
    const handle: string | null = (steps[current.kind] as Step<NodeKind>)(current as never, walk, document);
    if (walk.outcome || handle === null) break;
    record(walk, "node.outcome", node.id, { handle });
    if (FAILURE_HANDLES.has(handle) && repeatedFailure.enabled && walk.failures + 1 >= repeatedFailure.limit) {
      handoff(walk, { trigger: "repeatedFailure", team: repeatedFailure.team, priority: repeatedFailure.priority, reason: `The bot could not help ${repeatedFailure.limit} times`, nodeId: current.id });
      break;
    }
    if (FAILURE_HANDLES.has(handle)) walk.failures += 1;
    const edge: FlowDocument["edges"][number] | undefined = document.edges.find((candidate) => candidate.source === current.id && candidate.sourceHandle === handle);
    node = edge ? byId.get(edge.target) : undefined;
  }
  const { random: _random, now, failures: _failures, pendingQuestion: _pending, outcome, ...result } = walk;
  return { ...result, outcome: outcome ?? { kind: "abandoned" }, endedAt: now };
}
