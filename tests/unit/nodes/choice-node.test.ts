/** "Offer choices": matching typed answers to the buttons, and the step in a running flow. */
import { describe, expect, it } from "vitest";
import { diagnoseChoice } from "~/nodes/choice/compile";
import { matchChoice } from "~/nodes/choice/match";
import { ChoiceDataSchema, choiceHandles } from "~/nodes/choice/schema";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, outcomes, texts } from "../flow/helpers";

const LABELS = ["Track an order", "Return an item", "Talk to a person"];

describe("matching an answer to the buttons", () => {
  it.each([
    ["Track an order", 0],
    ["return an item!", 1],
    ["2", 1],
    ["#3", 2],
    ["option 1", 0],
    ["the second one", 1],
    ["Second", 1],
    ["the last one", 2],
    ["3rd", 2],
    ["la segunda", 1],
    ["I'd like to return an item please", 1],
    ["trak an ordr", 0],
    ["return item", 1],
    ["talk person", 2],
  ])("%j picks option %i", (text, index) => expect(matchChoice(text, LABELS)).toBe(index));

  it.each(["", "maybe", "the fourth one", "0", "an", "track and return an item and order"])("%j picks nothing", (text) => expect(matchChoice(text, LABELS)).toBeNull());

  it("short labels only match exactly or by position", () => {
    expect(matchChoice("No thanks", ["Yes", "No"])).toBe(1);
    expect(matchChoice("nop", ["Yes", "No"])).toBeNull();
  });
});

describe("the step's settings", () => {
  it("has one output per option plus Something else, and checks its options", () => {
    const data = ChoiceDataSchema.parse({ question: "?", options: [{ id: "a", label: "Same" }, { id: "b", label: "same" }] });
    expect(choiceHandles(data).map((handle) => handle.id)).toEqual(["a", "b", "other"]);
    expect(diagnoseChoice(data).map((issue) => issue.field)).toEqual(["options.1.label"]);
    expect(diagnoseChoice(ChoiceDataSchema.parse({ question: "", options: [{ id: "a", label: "Only" }] })).map((issue) => issue.code)).toEqual(["empty-message", "missing-choices"]);
    expect(ChoiceDataSchema.safeParse({ options: [{ id: "a", label: "x" }, { id: "a", label: "y" }] }).success).toBe(false);
    expect(ChoiceDataSchema.safeParse({ options: Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, label: `O${i}` })) }).success).toBe(false);
    expect(ChoiceDataSchema.safeParse({ options: [{ id: "other", label: "x" }] }).success).toBe(false);
  });
});

describe("a choice step in a flow", () => {
  function flow(retries = 1) {
    return compileClean(
      buildFlow(
        [
          ["start", "start", { greeting: "Hi" }],
          ["menu", "choice", { question: "What can I do for you?", options: [{ id: "track", label: "Track an order" }, { id: "return", label: "Return an item" }], field: "topic", retries }],
          ["tracking", "message", { text: "Tracking ({{topic}})" }],
          ["returns", "message", { text: "Returns ({{topic}})" }],
          ["kb", "kb", { askFeedback: false }],
          ["end", "end", { text: "Bye" }],
        ],
        [
          ["start", "next", "menu"],
          ["menu", "track", "tracking"],
          ["menu", "return", "returns"],
          ["menu", "other", "kb"],
          ["tracking", "next", "end"],
          ["returns", "next", "end"],
          ["kb", "answered", "end"],
          ["kb", "notFound", "end"],
        ],
      ),
    );
  }

  it("offers the options as buttons and takes the picked option's output, typed or tapped", async () => {
    const conversation = new Conversation(flow(), createFakeEngines());
    const started = await conversation.start();
    expect(started.messages.at(-1)).toEqual({ role: "bot", text: "What can I do for you?", choices: ["Track an order", "Return an item"], nodeId: "menu" });
    const turn = await conversation.say("the second one");
    expect(outcomes(turn)).toEqual(["menu:return", "returns:next"]);
    expect(texts(turn)).toEqual(["Returns (Return an item)", "Bye"]);
    expect(turn.events).toContainEqual({ type: "choice.selected", nodeId: "menu", payload: { option: "return", label: "Return an item", typed: true } });
  });

  it("asks again with the buttons after an answer that fits none, then takes Something else", async () => {
    const conversation = new Conversation(flow(1), createFakeEngines());
    await conversation.start();
    const first = await conversation.say("hmm");
    expect(first.messages).toEqual([{ role: "bot", text: "Please choose one of: Track an order, Return an item.", choices: ["Track an order", "Return an item"], nodeId: "menu" }]);
    const second = await conversation.say("where do you ship?");
    expect(outcomes(second)).toEqual(["menu:other"]);
  });
});
