import type { KbAnswer, KbSuggestion, KbSuggestions } from "~/engines/types";
import { record, say, type FlowContext, type FlowEvent } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { readFeedbackReply, saysHelpful, saysNotHelpful } from "./feedback";
import { asksSomething, mayBeNewQuestion } from "./new-question";
import { readSuggestionPick } from "./suggestion-pick";

function readAnswer(event: BehaviourEvent): KbAnswer | null {
  const output = event.output as Partial<KbAnswer> | null | undefined;
  if (!output || typeof output.text !== "string" || !output.article || typeof output.article.id !== "string") return null;
  return output as KbAnswer;
}

function readSuggestions(event: BehaviourEvent): KbSuggestions | null {
  const output = event.output as Partial<KbSuggestions> | null | undefined;
  if (!output || !Array.isArray(output.suggestions) || output.suggestions.length === 0) return null;
  return output.suggestions.every((article) => typeof article?.id === "string" && typeof article.title === "string" && typeof article.text === "string") ? (output as KbSuggestions) : null;
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

type SuggestParams = { nodeId: string; text: string; none: string };

/** The offered article the customer's reply picks, or null ("None of these", or something else). */
function pickedSuggestion(context: FlowContext, event: BehaviourEvent, params: { nodeId: string; none: string }): KbSuggestion | null {
  const offered = context.kbSuggestions;
  if (!offered || offered.nodeId !== params.nodeId) return null;
  const pick = readSuggestionPick(textOf(event), offered.articles.map((article) => article.title), params.none);
  return typeof pick === "number" ? offered.articles[pick] : null;
}

/** The offered article that the lookup of the customer's reply found, or null. */
function offeredArticleFound(context: FlowContext, event: BehaviourEvent, nodeId: string): KbSuggestion | null {
  const answer = readAnswer(event);
  const offered = context.kbSuggestions;
  if (!answer || !offered || offered.nodeId !== nodeId) return null;
  return offered.articles.find((article) => article.id === answer.article.id) ?? null;
}

/**
 * An answer shown to the customer: the text with its source, recorded as `kb.answered`. The
 * customer's words are kept so a low-confidence, picked or unhelpful answer can be listed among
 * the KB's gaps (app/kb/unanswered.server.ts).
 */
function answerWith(
  context: FlowContext,
  nodeId: string,
  answer: { article: { id: string; slug: string; title: string }; text: string; score: number },
  query: string,
  extra: { picked?: true; events?: FlowEvent[] } = {},
): Partial<FlowContext> {
  const { id, slug, title } = answer.article;
  const score = Math.min(1, Math.max(0, answer.score));
  const picked = extra.picked ? { picked: true as const } : {};
  return {
    pendingQuestion: null,
    openQuestion: null,
    kbSuggestions: null,
    lastArticle: { id, slug, title },
    lastConfidence: { ...context.lastConfidence, kb: score },
    ...say(context, { role: "bot", text: answer.text, source: { articleId: id, slug, title }, confidence: score, nodeId, ...picked }),
    ...record(context, { type: "kb.answered", nodeId, payload: { articleId: id, slug, title, score, query, ...picked } }, ...(extra.events ?? [])),
  };
}

export const kbBehaviour = {
  guards: {
    "kb.hasQuestion": ({ context }: BehaviourArgs<unknown>) => questionFor(context) !== "",
    "kb.isFound": ({ event }: BehaviourArgs<unknown>) => readAnswer(event) !== null,
    "kb.hasSuggestions": ({ event }: BehaviourArgs<unknown>) => readSuggestions(event) !== null,
    "kb.pickedSuggestion": ({ context, event, params }: BehaviourArgs<{ nodeId: string; none: string }>) => pickedSuggestion(context, event, params) !== null,
    "kb.saidHelpful": ({ event }: BehaviourArgs<unknown>) =>
      event.type === "kb.feedback" ? event.helpful === true : readFeedbackReply(textOf(event)) === "yes",
    "kb.mayBeNewQuestion": ({ context, event, params }: BehaviourArgs<{ nodeId: string; none: string; prompt: "feedback" | "suggestions" }>) => {
      if (event.type !== "customer.message") return false;
      if (params.prompt === "feedback") return mayBeNewQuestion(textOf(event), { kind: "feedback" });
      const titles = context.kbSuggestions?.nodeId === params.nodeId ? context.kbSuggestions.articles.map((article) => article.title) : [];
      return mayBeNewQuestion(textOf(event), { kind: "suggestions", titles, none: params.none });
    },
    // The new-question lookup found the very article "Did this help?" was about ("I still can't log in"): the reply is about that answer, not a new question.
    // After a yes ("thanks! and how do I return it?") the article helped and the follow-up is answered with it again: its question is not dropped.
    "kb.repeatsUnconfirmedArticle": ({ context, event }: BehaviourArgs<unknown>) => {
      const answer = readAnswer(event);
      return answer !== null && context.lastArticle !== null && answer.article.id === context.lastArticle.id && !saysHelpful(questionFor(context));
    },
    // The new-question lookup found one of the offered articles ("the refund one please"): the reply picks it.
    "kb.answersWithOffered": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>) => offeredArticleFound(context, event, params.nodeId) !== null,
    "kb.saidNotHelpful": ({ context }: BehaviourArgs<unknown>) => saysNotHelpful(questionFor(context)),
    "kb.asksSomething": ({ context }: BehaviourArgs<unknown>) => asksSomething(questionFor(context)),
    "kb.suggestsForQuestion": ({ context, event }: BehaviourArgs<unknown>) => readSuggestions(event) !== null && asksSomething(questionFor(context)),
  },
  actions: {
    "kb.recordAnswer": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => {
      const answer = readAnswer(event);
      if (!answer) return {};
      return answerWith(context, params.nodeId, answer, questionFor(context), { events: fallbackEvents(params.nodeId, answer) });
    },
    // The question counts as handled, so a KB node reached again asks for a new one (never loops).
    "kb.recordNotFound": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => ({
      pendingQuestion: null,
      openQuestion: null,
      lastConfidence: { ...context.lastConfidence, kb: 0 },
      ...record(context, { type: "kb.notFound", nodeId: params.nodeId, payload: { query: questionFor(context) } }, ...fallbackEvents(params.nodeId, event.output as KbAnswer | null)),
    }),
    // The question is kept with the offer: whatever the customer replies, it is the one answered or listed as unanswered.
    "kb.offerSuggestions": ({ context, event, params }: BehaviourArgs<SuggestParams>): Partial<FlowContext> => {
      const output = readSuggestions(event);
      if (!output) return {};
      const articles = output.suggestions.map(({ id, slug, title, confidence, text }) => ({ id, slug, title, confidence, text }));
      const query = questionFor(context);
      return {
        pendingQuestion: null,
        openQuestion: null,
        kbSuggestions: { nodeId: params.nodeId, query, articles },
        ...say(context, {
          role: "bot",
          text: params.text,
          choices: [...articles.map((article) => article.title), params.none],
          offered: articles.map(({ id, slug, title }) => ({ articleId: id, slug, title })),
          nodeId: params.nodeId,
        }),
        ...record(
          context,
          { type: "kb.suggested", nodeId: params.nodeId, payload: { query, articles: articles.map(({ id, slug, title, confidence }) => ({ articleId: id, slug, title, confidence })) } },
          ...fallbackEvents(params.nodeId, output),
        ),
      };
    },
    // Consumed like a choice: a later step must not read the tapped title as a question or a value.
    "kb.recordPick": ({ context, event, params }: BehaviourArgs<{ nodeId: string; none: string }>): Partial<FlowContext> => {
      const article = pickedSuggestion(context, event, params);
      if (!article || !context.kbSuggestions) return {};
      return {
        ...answerWith(context, params.nodeId, { article, text: article.text, score: article.confidence }, context.kbSuggestions.query, { picked: true }),
        customerMessages: context.customerMessages.slice(0, -1),
      };
    },
    // The same as tapping the offered article that the lookup of the typed reply found (kb.recordPick).
    "kb.recordPickFromLookup": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => {
      const article = offeredArticleFound(context, event, params.nodeId);
      if (!article || !context.kbSuggestions) return {};
      return {
        ...answerWith(context, params.nodeId, { article, text: article.text, score: article.confidence }, context.kbSuggestions.query, { picked: true }),
        customerMessages: context.customerMessages.slice(0, -1),
      };
    },
    // "None of these" takes notFound with the original question; a reply that is something else may be a new question: it stays pending.
    // The reply is read from pendingQuestion: this runs on the customer's message, or after looking that message up (compile.ts).
    "kb.declineSuggestions": ({ context, params }: BehaviourArgs<{ nodeId: string; none: string }>): Partial<FlowContext> => {
      const titles = context.kbSuggestions?.articles.map((article) => article.title) ?? [];
      const reply = context.pendingQuestion;
      const newQuestion = reply !== null && readSuggestionPick(reply, titles, params.none) === "other";
      return {
        kbSuggestions: null,
        ...(newQuestion ? {} : { pendingQuestion: null, openQuestion: null }),
        lastConfidence: { ...context.lastConfidence, kb: 0 },
        ...record(context, { type: "kb.notFound", nodeId: params.nodeId, payload: { query: context.kbSuggestions?.query ?? "", declinedSuggestions: true } }),
      };
    },
    // The customer asked something else while offered articles: the offer is left unanswered, and its question listed as such.
    "kb.leaveSuggestions": ({ context, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => ({
      kbSuggestions: null,
      ...record(context, { type: "kb.notFound", nodeId: params.nodeId, payload: { query: context.kbSuggestions?.query ?? "", askedAnew: true } }),
    }),
    // "ok and how much is shipping?": the yes is the answer to "Did this help?" (recorded for the article it was about, before the follow-up is answered).
    "kb.recordYesInReply": ({ context, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> =>
      saysHelpful(questionFor(context)) ? record(context, { type: "kb.feedback", nodeId: params.nodeId, payload: { helpful: true, articleId: context.lastArticle?.id ?? null } }) : {},
    "kb.recordFeedback": ({ context, event, params }: BehaviourArgs<{ nodeId: string; helpful: boolean }>): Partial<FlowContext> => ({
      // A text reply that was not a yes may be a new question: keep it for the next KB node (also after looking it up found nothing).
      pendingQuestion: event.type !== "kb.feedback" && context.pendingQuestion !== null && readFeedbackReply(context.pendingQuestion) === "other" ? context.pendingQuestion : null,
      ...record(context, { type: "kb.feedback", nodeId: params.nodeId, payload: { helpful: params.helpful, articleId: context.lastArticle?.id ?? null } }),
    }),
  },
} satisfies KindBehaviour;
