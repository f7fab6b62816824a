/**
 * The embedded intent classifier is trained when a flow version is published or compiled, so
 * the first customer message of a conversation is classified with a model that is already there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getLocalIntentClassifier } from "~/engines/index.server";
import { listIntentModels, parseFlowDocument, type FlowDocument } from "~/flow";
import { getCompiledVersion, publishFlow, writePublishedVersion } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { readFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

function fixtureDocument(changes: (document: FlowDocument) => void = () => undefined): FlowDocument {
  const parsed = parseFlowDocument(readFixtureFlow());
  if (!parsed.ok) throw new Error("fixture flow does not parse");
  changes(parsed.document);
  return parsed.document;
}

const isTrained = (document: FlowDocument) => {
  const classifier = getLocalIntentClassifier();
  return listIntentModels(document).map(({ modelKey, intents }) => classifier.has(modelKey, intents));
};

beforeAll(async () => {
  await seedTeams();
});

describe("intent models are trained ahead of the first customer message", () => {
  it("publishing trains every intent node; the first message only classifies", async () => {
    const document = fixtureDocument();
    expect(isTrained(document)).toEqual([false]);
    const published = await publishFlow(document);
    expect(published.ok).toBe(true);
    expect(isTrained(document)).toEqual([true]);

    const classifier = getLocalIntentClassifier();
    const trainingsBefore = classifier.trainings;
    const { id, token } = await startConversation();
    const reply = await say(id, token, "where is my order");
    expect(reply.json.messages.map((message) => message.text)).toContain("What's your order number?");
    expect(classifier.trainings).toBe(trainingsBefore);
  });

  it("compiling a version this process did not publish (another instance, a restart) trains it too", async () => {
    const document = fixtureDocument((draft) => {
      draft.slug = "runtime-test-elsewhere";
      const topic = draft.nodes.find((node) => node.kind === "intent");
      if (topic?.kind === "intent") topic.data.intents[0].examples.push("why was I billed this month");
    });
    // Written the way another process's publish writes it: no training here.
    const written = await db.$transaction((tx) => writePublishedVersion(tx, document));
    expect(isTrained(document)).toEqual([false]);
    await getCompiledVersion(written.flowVersionId);
    expect(isTrained(document)).toEqual([true]);
  });

  it("a republished version with changed examples gets its own model; unchanged examples reuse it", async () => {
    const classifier = getLocalIntentClassifier();
    const unchanged = fixtureDocument((draft) => {
      const start = draft.nodes.find((node) => node.kind === "start");
      if (start?.kind === "start") start.data.greeting = "Hello again! How can I help?";
    });
    const before = classifier.trainings;
    expect((await publishFlow(unchanged)).ok).toBe(true);
    expect(classifier.trainings).toBe(before);

    const edited = fixtureDocument((draft) => {
      const topic = draft.nodes.find((node) => node.kind === "intent");
      if (topic?.kind === "intent") topic.data.intents[1].examples.push("is my package lost");
    });
    expect((await publishFlow(edited)).ok).toBe(true);
    expect(classifier.trainings).toBe(before + 1);
    expect(isTrained(edited)).toEqual([true]);
  });
});
