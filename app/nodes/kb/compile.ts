import type { CompileContext, StateConfig } from "../types";
import { questionFor } from "./behaviour";
import type { KbData } from "./schema";

export function compileKb(node: { id: string; data: KbData }, ctx: CompileContext): StateConfig {
  const { tags, minScore, askFeedback, offerSuggestions } = node.data;
  const nodeId = node.id;
  const feedback = (helpful: boolean) => ({ type: "kb.recordFeedback", params: { nodeId, helpful } });
  const answered = askFeedback ? "feedback" : ctx.out("answered");
  const none = ctx.phrases.kbNoneOfThese;
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
          input: ({ context }) => ({ query: questionFor(context), tags, minScore, suggest: offerSuggestions }),
          onDone: [
            { guard: "kb.isFound", target: answered, actions: [{ type: "kb.recordAnswer", params: { nodeId } }] },
            { guard: "kb.hasSuggestions", target: "suggest", actions: [{ type: "kb.offerSuggestions", params: { nodeId, text: ctx.phrases.kbSuggest, none } }] },
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
            { target: ctx.out("notFound"), actions: [{ type: "kb.declineSuggestions", params: { nodeId, none } }] },
          ],
        },
      }),
      feedback: ctx.waiting({
        entry: [{ type: "bot.say", params: { nodeId, text: ctx.phrases.feedbackQuestion, choices: ctx.phrases.feedbackChoices } }],
        on: {
          "customer.message": [
            { guard: "kb.saidHelpful", target: ctx.out("answered"), actions: [feedback(true)] },
            // A question instead of a yes or no is answered here: it says nothing about whether the last answer helped.
            { guard: "kb.askedSomethingElse", target: "answer" },
            { target: ctx.out("notHelpful"), actions: [feedback(false)] },
          ],
          "kb.feedback": [
            { guard: "kb.saidHelpful", target: ctx.out("answered"), actions: [feedback(true)] },
            { target: ctx.out("notHelpful"), actions: [feedback(false)] },
          ],
        },
      }),
    },
  };
}
