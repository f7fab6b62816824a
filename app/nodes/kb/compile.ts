import type { CompileContext, StateConfig } from "../types";
import { questionFor } from "./behaviour";
import type { KbData } from "./schema";

export function compileKb(node: { id: string; data: KbData }, ctx: CompileContext): StateConfig {
  const { tags, minScore, askFeedback } = node.data;
  const nodeId = node.id;
  const feedback = (helpful: boolean) => ({ type: "kb.recordFeedback", params: { nodeId, helpful } });
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
          input: ({ context }) => ({ query: questionFor(context), tags, minScore }),
          onDone: [
            {
              guard: "kb.isFound",
              target: askFeedback ? "feedback" : ctx.out("answered"),
              actions: [{ type: "kb.recordAnswer", params: { nodeId } }],
            },
            { target: ctx.out("notFound"), actions: [{ type: "kb.recordNotFound", params: { nodeId } }] },
          ],
          onError: [ctx.engineFailed("knowledge")],
        },
      },
      feedback: ctx.waiting({
        entry: [{ type: "bot.say", params: { nodeId, text: ctx.phrases.feedbackQuestion, choices: ctx.phrases.feedbackChoices } }],
        on: {
          "customer.message": [
            { guard: "kb.saidHelpful", target: ctx.out("answered"), actions: [feedback(true)] },
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
