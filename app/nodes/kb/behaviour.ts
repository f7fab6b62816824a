import type { KbAnswer } from "~/engines/types";
import { record, say, type FlowContext, type FlowEvent } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { readFeedbackReply } from "./feedback";

function readAnswer(event: BehaviourEvent): KbAnswer | null {
  const output = event.output as Partial<KbAnswer> | null | undefined;
  if (!output || typeof output.text !== "string" || !output.article || typeof output.article.id !== "string") return null;
  return output as KbAnswer;
}

function textOf(event: BehaviourEvent): string {
  return typeof event.text === "string" ? event.text : "";
}

/** The question a KB step answers: the message that led into it, else an earlier question still open. */
export function questionFor(context: Pick<FlowContext, "pendingQuestion" | "openQuestion">): string {
  return context.pendingQuestion?.trim() || context.openQuestion?.trim() || "";
}

function fallbackEvents(nodeId: string, answer: { fallback?: KbAnswer["fallback"] } | null): FlowEvent[] {
  return answer?.fallback ? [{ type: "engine.fallback", nodeId, payload: { ...answer.fallback } }] : [];
}

export const kbBehaviour = {
  guards: {
    "kb.hasQuestion": ({ context }: BehaviourArgs<unknown>) => questionFor(context) !== "",
    "kb.isFound": ({ event }: BehaviourArgs<unknown>) => readAnswer(event) !== null,
    "kb.saidHelpful": ({ event }: BehaviourArgs<unknown>) =>
      event.type === "kb.feedback" ? event.helpful === true : readFeedbackReply(textOf(event)) === "yes",
  },
  actions: {
    "kb.recordAnswer": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => {
      const answer = readAnswer(event);
      if (!answer) return {};
      const { id, slug, title } = answer.article;
      const score = Math.min(1, Math.max(0, answer.score));
      return {
        pendingQuestion: null,
        openQuestion: null,
        lastArticle: { id, slug, title },
        lastConfidence: { ...context.lastConfidence, kb: score },
        ...say(context, { role: "bot", text: answer.text, source: { articleId: id, slug, title }, confidence: score, nodeId: params.nodeId }),
        ...record(
          context,
          // The customer's words are kept so a low-confidence or unhelpful answer can be listed among the KB's gaps.
          { type: "kb.answered", nodeId: params.nodeId, payload: { articleId: id, slug, title, score, query: questionFor(context) } },
          ...fallbackEvents(params.nodeId, answer),
        ),
      };
    },
    // The question counts as handled, so a KB node reached again asks for a new one (never loops).
    "kb.recordNotFound": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => ({
      pendingQuestion: null,
      openQuestion: null,
      lastConfidence: { ...context.lastConfidence, kb: 0 },
      ...record(context, { type: "kb.notFound", nodeId: params.nodeId, payload: { query: questionFor(context) } }, ...fallbackEvents(params.nodeId, event.output as KbAnswer | null)),
    }),
    "kb.recordFeedback": ({ context, event, params }: BehaviourArgs<{ nodeId: string; helpful: boolean }>): Partial<FlowContext> => ({
      // A text reply that was not a yes may be a new question: keep it for the next KB node.
      pendingQuestion: event.type === "customer.message" && readFeedbackReply(textOf(event)) === "other" ? context.pendingQuestion : null,
      ...record(context, { type: "kb.feedback", nodeId: params.nodeId, payload: { helpful: params.helpful, articleId: context.lastArticle?.id ?? null } }),
    }),
  },
} satisfies KindBehaviour;
