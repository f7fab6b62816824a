/** Which replies to a kb step's prompt are answers to it, and which may be a new question (app/nodes/kb/new-question.ts). */
import { describe, expect, it } from "vitest";
import { questionInReply, readFeedbackReply, saysHelpful } from "~/nodes/kb/feedback";
import { asksSomething, mayBeNewQuestion } from "~/nodes/kb/new-question";

const FEEDBACK = { kind: "feedback" } as const;
const OFFER = { kind: "suggestions" as const, titles: ["Refund methods", "Express shipping"], none: "None of these" };

describe("replies to 'Did this help?'", () => {
  it.each(["no", "nope it didn't", "that's not it", "That is not what I meant", "this doesn't answer my question", "wrong article"])("%j is a no", (text) =>
    expect(readFeedbackReply(text)).toBe("no"),
  );
  it.each(["didn't help", "no, it didn't", "Not helpful."])("%j is a no too (a no-clause that opens like a question is still only a no)", (text) =>
    expect(readFeedbackReply(text)).toBe("no"),
  );
  it.each(["That didn't help. How do I cancel my order?", "no, where is my parcel?", "that's not it - can I pay by invoice?"])(
    "%j also asks something: not a plain no, it may be a new question",
    (text) => {
      expect(readFeedbackReply(text)).toBe("other");
      expect(mayBeNewQuestion(text, FEEDBACK)).toBe(true);
    },
  );
  it.each(["yes thanks", "Yes", "thank you!", "ok", "ok thanks", "great, thank you!", "yes it did, thanks so much", "Sí, gracias", "thanks?"])("%j is a yes", (text) =>
    expect(readFeedbackReply(text)).toBe("yes"),
  );
  it.each(["ok and how much is standard shipping within the US?", "thanks! and do you ship to Canada?", "yes. how do I return it?", "ok and how much is standard shipping", "Great, thanks — one more thing: can I pay by invoice"])(
    "%j says yes and asks something more: it may be a new question, and it says the answer helped",
    (text) => {
      expect(readFeedbackReply(text)).toBe("other");
      expect(mayBeNewQuestion(text, FEEDBACK)).toBe(true);
      expect(saysHelpful(text)).toBe(true);
      expect(asksSomething(text)).toBe(true);
    },
  );
  it.each(["That didn't help. How do I cancel my order?", "how do I reset my password?", "reset password"])("%j does not say the answer helped", (text) => expect(saysHelpful(text)).toBe(false));
  it.each([
    ["ok and how much is standard shipping within the US?", "how much is standard shipping within the US?"],
    ["Thanks! And do you ship to Canada?", "do you ship to Canada?"],
    ["Sí, gracias. ¿Hacen envíos a Canadá?", "¿Hacen envíos a Canadá?"],
    ["That didn't help. How do I cancel my order?", "That didn't help. How do I cancel my order?"],
    ["how do I reset my password?", "how do I reset my password?"],
    ["ok thanks", "ok thanks"],
  ])("%j is looked up as %j (a yes is feedback, only its follow-up a question)", (text, query) => expect(questionInReply(text)).toBe(query));
  it.each(["how do I reset my password?", "reset password", "I need to change the address on my order"])("%j may be a new question", (text) =>
    expect(mayBeNewQuestion(text, FEEDBACK)).toBe(true),
  );
  it.each(["no", "that's not it", "yes thanks", "hmm", "what?"])("%j is not looked up", (text) => expect(mayBeNewQuestion(text, FEEDBACK)).toBe(false));
});

describe("a reply carrying an identifier", () => {
  it.each(["my order number is 1234567890", "it's jo.smith@example.com", "order ORD-88X1 please", "The code AB12CD didn't arrive"])(
    "%j is not looked up unless it asks something (it belongs to the prompt's outcome)",
    (text) => {
      expect(mayBeNewQuestion(text, FEEDBACK)).toBe(false);
      expect(mayBeNewQuestion(text, OFFER)).toBe(false);
    },
  );
  it.each(["where is order 1234567890?", "can you email jo.smith@example.com the invoice", "what does code AB12CD mean"])("%j asks something: it may be a new question", (text) =>
    expect(mayBeNewQuestion(text, FEEDBACK)).toBe(true),
  );
});

describe("replies to likely articles", () => {
  it.each(["Refund methods", "the second one", "None of these", "no"])("%j answers the offer", (text) => expect(mayBeNewQuestion(text, OFFER)).toBe(false));
  it.each(["what about express shipping for gift cards?", "reset password"])("%j may be a new question", (text) => expect(mayBeNewQuestion(text, OFFER)).toBe(true));
});

it("a looked-up reply no article answers is a question only if it asks something", () => {
  expect(asksSomething("do you sell umbrellas?")).toBe(true);
  expect(asksSomething("the weather is lovely today")).toBe(false);
});
