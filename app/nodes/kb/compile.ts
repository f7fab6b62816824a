import type { ActionRef, CompileContext, StateConfig, TransitionConfig } from "../types";
import { questionFor } from "./behaviour";
import { questionInReply } from "./feedback";
import type { KbData } from "./schema";

export function compileKb(node: { id: string; data: KbData }, ctx: CompileContext): StateConfig {
  const { tags, minScore, askFeedback, offerSuggestions } = node.data;
  const nodeId = node.id;
  const feedback = (helpful: boolean) => ({ type: "kb.recordFeedback", params: { nodeId, helpful } });
  const answered = askFeedback ? "feedback" : ctx.out("answered");
  const none = ctx.phrases.kbNoneOfThese;
  const suggestParams = { nodeId, text: ctx.phrases.kbSuggest, none };
  const decline = { type: "kb.declineSuggestions", params: { nodeId, none } };
  // The step's first question and a new one asked at its prompt are looked up alike.
  const lookupInput = ({ context }: { context: Parameters<typeof questionFor>[0] }) => ({ query: questionFor(context), tags, minScore, suggest: offerSuggestions });

  /**
   * A reply to the step's prompt that may be a new question (new-question.ts) is looked up within the
   * step's tags, as its first question was: the schema promises a brand- or topic-scoped step answers
   * only from those articles (a question outside them takes notFound / suggestions like any
   * unanswered one; the starters' whole-KB step is where an unsure customer goes). Answered, or asked
   * as a question, it is handled as the step's question — `leave` first records what became of the
   * prompt; `before` lets the prompt claim an answer that is about itself, `unanswered` a reply that
   * nothing answered; otherwise the reply takes the prompt's own outcome. `query` picks the words
   * looked up when not the whole reply (the follow-up after a yes).
   */
  const lookUpNewQuestion = (options: {
    query?: (reply: string) => string;
    leave: ActionRef[];
    before: TransitionConfig[];
    unanswered: TransitionConfig[];
    otherwise: TransitionConfig;
  }): StateConfig => ({
    invoke: {
      src: "answerFromKb",
      input: ({ context }: { context: Parameters<typeof questionFor>[0] }) => {
        const input = lookupInput({ context });
        return options.query ? { ...input, query: options.query(input.query) } : input;
      },
      onDone: [
        ...options.before,
        { guard: "kb.isFound", target: answered, actions: [...options.leave, { type: "kb.recordAnswer", params: { nodeId } }] },
        { guard: "kb.suggestsForQuestion", target: "suggest", actions: [...options.leave, { type: "kb.offerSuggestions", params: suggestParams }] },
        ...options.unanswered,
        { guard: "kb.asksSomething", target: ctx.out("notFound"), actions: [...options.leave, { type: "kb.recordNotFound", params: { nodeId } }] },
        options.otherwise,
      ],
      onError: [ctx.engineFailed("knowledge")],
    },
  });
  const notHelpful: TransitionConfig = { target: ctx.out("notHelpful"), actions: [feedback(false)] };

  return {
    initial: "check",
    states: {
      check: { always: [{ guard: "kb.hasQuestion", target: "answer" }, { target: "ask" }] },
      ask: ctx.waiting({
        entry: [{ type: "bot.say", params: { nodeId, text: ctx.phrases.kbPrompt } }],
        on: { "customer.message": [{ target: "answer" }] },
      }),
      answer: {
        invoke: {
          src: "answerFromKb",
          input: lookupInput,
          onDone: [
            { guard: "kb.isFound", target: answered, actions: [{ type: "kb.recordAnswer", params: { nodeId } }] },
            { guard: "kb.hasSuggestions", target: "suggest", actions: [{ type: "kb.offerSuggestions", params: suggestParams }] },
            { target: ctx.out("notFound"), actions: [{ type: "kb.recordNotFound", params: { nodeId } }] },
          ],
          onError: [ctx.engineFailed("knowledge")],
        },
      },
      // Unsure: the customer picks one of the closest articles (answered as if found) or takes notFound.
      suggest: ctx.waiting({
        on: {
          "customer.message": [
            { guard: { type: "kb.pickedSuggestion", params: { nodeId, none } }, target: answered, actions: [{ type: "kb.recordPick", params: { nodeId, none } }] },
            { guard: { type: "kb.mayBeNewQuestion", params: { nodeId, none, prompt: "suggestions" } }, target: "newQuestionAfterSuggestions" },
            { target: ctx.out("notFound"), actions: [decline] },
          ],
        },
      }),
      newQuestionAfterSuggestions: lookUpNewQuestion({
        leave: [{ type: "kb.leaveSuggestions", params: { nodeId } }],
        // "the refund one please" found an offered article: a pick, as if its title had been tapped.
        before: [{ guard: { type: "kb.answersWithOffered", params: { nodeId } }, target: answered, actions: [{ type: "kb.recordPickFromLookup", params: { nodeId } }] }],
        unanswered: [],
        otherwise: { target: ctx.out("notFound"), actions: [decline] },
      }),
      feedback: ctx.waiting({
        entry: [{ type: "bot.say", params: { nodeId, text: ctx.phrases.feedbackQuestion, choices: ctx.phrases.feedbackChoices } }],
        on: {
          "customer.message": [
            { guard: "kb.saidHelpful", target: ctx.out("answered"), actions: [feedback(true)] },
            // A new question says nothing about whether the last answer helped: no feedback is recorded for it (unless it opens with a yes, kb.recordYesInReply).
            { guard: { type: "kb.mayBeNewQuestion", params: { nodeId, none, prompt: "feedback" } }, target: "newQuestionAfterFeedback" },
            notHelpful,
          ],
          "kb.feedback": [
            { guard: "kb.saidHelpful", target: ctx.out("answered"), actions: [feedback(true)] },
            { target: ctx.out("notHelpful"), actions: [feedback(false)] },
          ],
        },
      }),
      newQuestionAfterFeedback: lookUpNewQuestion({
        // "ok and how much is shipping?": the yes counts for the answer it was about, whatever the follow-up finds.
        // …and only the follow-up is looked up, not the yes before it.
        query: questionInReply,
        leave: [{ type: "kb.recordYesInReply", params: { nodeId } }],
        // "I still can't log in" found the article just sent: sending it again would loop; it did not help.
        before: [{ guard: "kb.repeatsUnconfirmedArticle", ...notHelpful }],
        // "That didn't help. Do you sell umbrellas?" that nothing answers: the no still counts (the question stays pending for a later kb step).
        unanswered: [{ guard: "kb.saidNotHelpful", ...notHelpful }],
        otherwise: notHelpful,
      }),
    },
  };
}
