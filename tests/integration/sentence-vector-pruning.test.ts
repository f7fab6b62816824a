/**
 * Pruning the SentenceVector table keeps every row a published article or a runnable flow version
 * needs (its example questions included), and rows younger than a day (another instance may be embedding right now), and deletes
 * the rest: old revisions' passages, superseded versions' examples, another model's rows. Runs on
 * SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseArticleOutline } from "~/engines/local/article-outline";
import { articleCues, articlePassages } from "~/engines/local/article-passages";
import { SENTENCE_ENCODER_ID } from "~/engines/local/sentence-encoder.server";
import { sentenceVectorKey, vectorToBytes } from "~/engines/local/sentence-vector-store";
import { pruneSentenceVectors } from "~/engines/sentence-vector-pruning.server";
import { listIntentModels, parseFlowDocument, type FlowDocument } from "~/flow";
import { writePublishedVersion } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { readFixtureFlow, seedTeams } from "../support/chat-api";

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
const old = new Date(now.getTime() - 3 * DAY_MS);
const young = new Date(now.getTime() - 60 * 60 * 1000);

function articleTexts(title: string, body: string): string[] {
  const outline = parseArticleOutline(title, body);
  return [...articlePassages(title, outline), ...articleCues(title, outline)];
}

function flowDocument(slug: string, extraExample: string | null): FlowDocument {
  const parsed = parseFlowDocument(readFixtureFlow());
  if (!parsed.ok) throw new Error("fixture flow does not parse");
  parsed.document.slug = slug;
  const topic = parsed.document.nodes.find((node) => node.kind === "intent");
  if (extraExample && topic?.kind === "intent") topic.data.intents[0].examples.push(extraExample);
  return parsed.document;
}

function examplesOf(document: FlowDocument): string[] {
  return listIntentModels(document).flatMap((model) => model.intents.flatMap((intent) => intent.examples));
}

async function storeVectors(texts: string[], createdAt: Date, encoder = SENTENCE_ENCODER_ID): Promise<void> {
  const vector = vectorToBytes(new Float32Array([1, 0, 0, 0]));
  for (const text of new Set(texts)) {
    await db.sentenceVector.upsert({ where: { key: sentenceVectorKey(encoder, text) }, create: { key: sentenceVectorKey(encoder, text), encoder, vector, createdAt }, update: { createdAt } });
  }
}

async function storedTexts(texts: string[], encoder = SENTENCE_ENCODER_ID): Promise<string[]> {
  const rows = await db.sentenceVector.findMany({ where: { key: { in: texts.map((text) => sentenceVectorKey(encoder, text)) } }, select: { key: true } });
  const stored = new Set(rows.map((row) => row.key));
  return texts.filter((text) => stored.has(sentenceVectorKey(encoder, text)));
}

const shipping = { title: "Shipping times", body: "## Express\n\nExpress shipping arrives the next business day.\n\n## Standard\n\nStandard shipping takes three to five days." };
const edited = { title: "Shipping times", body: shipping.body.replace("the next business day", "within two business days") };
const draft = { title: "Gift cards", body: "Gift cards never expire." };
const exampleQuestion = "how quick is express delivery?";

beforeAll(async () => {
  await seedTeams();
});

describe("pruning stored sentence vectors", () => {
  it("keeps what live articles and runnable versions need and young rows; deletes old orphans in batches", async () => {
    // Articles: the published one's current revision is live; its previous revision and a draft are not.
    // Its example questions are embedded as cues of their own: live too.
    await db.article.create({ data: { id: "ship", slug: "shipping", ...edited, questions: JSON.stringify([exampleQuestion]), status: "published" } });
    await db.article.create({ data: { id: "gift", slug: "gift-cards", ...draft, status: "draft" } });
    const liveArticle = [...articleTexts(edited.title, edited.body), exampleQuestion];
    const oldRevisionOnly = articleTexts(shipping.title, shipping.body).filter((text) => !liveArticle.includes(text));
    expect(oldRevisionOnly.length).toBeGreaterThan(0);

    // Flows: a superseded version nobody runs, a superseded version an open conversation still runs, and each flow's latest.
    const superseded = flowDocument("pruning-a", "was I charged twice for one order");
    const latestA = flowDocument("pruning-a", null);
    const stillRunning = flowDocument("pruning-b", "my parcel never arrived at all");
    const latestB = flowDocument("pruning-b", "where can I pick up my parcel");
    await db.$transaction((tx) => writePublishedVersion(tx, superseded));
    await db.$transaction((tx) => writePublishedVersion(tx, latestA));
    const running = await db.$transaction((tx) => writePublishedVersion(tx, stillRunning));
    await db.$transaction((tx) => writePublishedVersion(tx, latestB));
    await db.conversation.create({ data: { flowId: running.flowId, flowVersionId: running.flowVersionId, tokenHash: "pruning-open", status: "open" } });

    const youngOrphan = ["a passage embedded an hour ago by another instance"];
    await storeVectors([...liveArticle, ...oldRevisionOnly, ...articleTexts(draft.title, draft.body)], old);
    await storeVectors([...examplesOf(superseded), ...examplesOf(stillRunning), ...examplesOf(latestB)], old);
    await storeVectors(youngOrphan, young);
    await storeVectors(liveArticle, old, "an older model v0");
    const before = await db.sentenceVector.count();

    // Three rows a batch: the walk through the table must not skip or repeat any.
    const result = await pruneSentenceVectors({ now, batchSize: 3 });

    expect(await storedTexts(liveArticle)).toEqual(liveArticle);
    expect(await storedTexts(examplesOf(latestA))).toEqual(examplesOf(latestA));
    expect(await storedTexts(examplesOf(latestB))).toEqual(examplesOf(latestB));
    expect(await storedTexts(["my parcel never arrived at all"])).toEqual(["my parcel never arrived at all"]);
    expect(await storedTexts(youngOrphan)).toEqual(youngOrphan);

    expect(await storedTexts(oldRevisionOnly)).toEqual([]);
    expect(await storedTexts(articleTexts(draft.title, draft.body))).toEqual([]);
    expect(await storedTexts(["was I charged twice for one order"])).toEqual([]);
    expect(await storedTexts(liveArticle, "an older model v0")).toEqual([]);

    const after = await db.sentenceVector.count();
    expect(result.deleted).toBe(before - after);
    expect(result.deleted).toBeGreaterThanOrEqual(oldRevisionOnly.length + liveArticle.length + 1);

    // Nothing left to prune: a second run deletes nothing.
    expect((await pruneSentenceVectors({ now, batchSize: 3 })).deleted).toBe(0);
  });

  it("once the conversation is resolved, the version it ran is no longer kept alive by it", async () => {
    await db.conversation.updateMany({ where: { tokenHash: "pruning-open" }, data: { status: "resolved" } });
    await pruneSentenceVectors({ now });
    expect(await storedTexts(["my parcel never arrived at all"])).toEqual([]);
    expect(await storedTexts(["where can I pick up my parcel"])).toEqual(["where can I pick up my parcel"]);
  });

  it("a version pinned only by conversations silent for more than 30 days is not kept alive by them", async () => {
    const abandonedRun = flowDocument("pruning-c", "my order arrived in pieces");
    const quietRun = flowDocument("pruning-c", "the box came open in transit");
    const latestC = flowDocument("pruning-c", null);
    const abandoned = await db.$transaction((tx) => writePublishedVersion(tx, abandonedRun));
    const quiet = await db.$transaction((tx) => writePublishedVersion(tx, quietRun));
    await db.$transaction((tx) => writePublishedVersion(tx, latestC));
    // Never resolved: a customer who closed the tab 31 days ago; another who last wrote 29 days ago.
    const lastMessageAt = (days: number) => new Date(now.getTime() - days * DAY_MS);
    await db.conversation.create({ data: { flowId: abandoned.flowId, flowVersionId: abandoned.flowVersionId, tokenHash: "pruning-abandoned", status: "bot", lastMessageAt: lastMessageAt(31) } });
    await db.conversation.create({ data: { flowId: quiet.flowId, flowVersionId: quiet.flowVersionId, tokenHash: "pruning-quiet", status: "waiting", lastMessageAt: lastMessageAt(29) } });
    await storeVectors([...examplesOf(abandonedRun), ...examplesOf(quietRun), ...examplesOf(latestC)], old);

    await pruneSentenceVectors({ now });

    expect(await storedTexts(["my order arrived in pieces"])).toEqual([]);
    expect(await storedTexts(["the box came open in transit"])).toEqual(["the box came open in transit"]);
    expect(await storedTexts(examplesOf(latestC))).toEqual(examplesOf(latestC));
  });
});
