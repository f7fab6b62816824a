/**
 * The review list's one edit (a customer's message appended to an intent's examples, never
 * twice), and its cut-off, which follows the step's own threshold in the query and the wording.
 */
import { describe, expect, it } from "vitest";
import { updateNodeData } from "~/builder/document-ops";
import type { FlowDocument } from "~/flow/document";
import { addExample, describeEmptyReview, describeReviewScope, foldSending, intentWithExample, normaliseMessage, readCustomerPick, reviewCutoff, type Sending } from "~/nodes/intent/review";
import { IntentDataSchema, MAX_EXAMPLES } from "~/nodes/intent/schema";

const data = IntentDataSchema.parse({
  intents: [
    { name: "track", examples: ["where is my order", "track my parcel"] },
    { name: "refund", examples: ["I want my money back"] },
  ],
});

describe("the review cut-off", () => {
  it("lists what went to Not sure at the step's threshold, and what a low threshold took under 80%", () => {
    expect(reviewCutoff(0.7)).toBe(0.8);
    expect(reviewCutoff(0.9)).toBe(0.9);
    expect(describeReviewScope(0.7)).toBe("went to “Not sure” (under this step's 70%) or was taken at under 80%");
    // A step that takes nothing under 85% has nothing "taken under 80%" to list: the wording says only what it holds.
    expect(describeReviewScope(0.85)).toBe("went to “Not sure” (under this step's 85%)");
    expect(describeEmptyReview(0.85)).toBe("None in the last 30 days: what customers said to this step went to an intent at 85% or more, or nobody has talked to it yet.");
    expect(describeEmptyReview(0.6)).toContain("at 80% or more");
  });
});

describe("normaliseMessage", () => {
  it("ignores case, spacing and trailing punctuation, not the words", () => {
    expect(normaliseMessage("  Where IS   my order?! ")).toBe("where is my order");
    expect(normaliseMessage("where is my order")).not.toBe(normaliseMessage("where was my order"));
  });
});

describe("addExample", () => {
  it("appends the message to the chosen intent only", () => {
    const next = addExample(data, "refund", "  can I get a refund for my shoes ");
    expect(next.intents[1].examples).toEqual(["I want my money back", "can I get a refund for my shoes"]);
    expect(next.intents[0]).toBe(data.intents[0]);
    expect(IntentDataSchema.safeParse(next).success).toBe(true);
  });

  it("adds nothing when any intent already has it, whatever its case", () => {
    expect(addExample(data, "refund", "Where is my ORDER?")).toBe(data);
    expect(intentWithExample(data, "Where is my ORDER?")).toBe("track");
    expect(intentWithExample(data, "where is my refund")).toBeNull();
  });

  it("adds nothing to an intent that is gone or full, and cuts a long message to an example's length", () => {
    expect(addExample(data, "renamed", "new phrase")).toBe(data);
    const full = IntentDataSchema.parse({ intents: [{ name: "track", examples: Array.from({ length: MAX_EXAMPLES }, (_, index) => `phrase ${index}`) }] });
    expect(addExample(full, "track", "one more")).toBe(full);
    const long = addExample(data, "track", "x".repeat(600));
    expect(long.intents[0].examples.at(-1)).toHaveLength(500);
  });

  it("is an ordinary node edit: the document keeps the step's connections", () => {
    const document = {
      schemaVersion: 1,
      name: "T",
      slug: "t",
      nodes: [{ id: "topic", kind: "intent", position: { x: 0, y: 0 }, data }],
      edges: [{ id: "e1", source: "topic", sourceHandle: "refund", target: "topic" }],
    } as unknown as FlowDocument;
    const next = updateNodeData(document, "topic", addExample(data, "refund", "refund please"));
    expect(next.edges).toEqual(document.edges);
    expect((next.nodes[0].data as typeof data).intents[1].examples).toContain("refund please");
  });
});

describe("the customer's pick at the offer that followed a message", () => {
  it("is the intent confirmed, or declined, from the step's next event; a new classification means no offer was answered", () => {
    expect(readCustomerPick({ type: "intent.confirmed", intent: "track" })).toEqual({ confirmed: { name: "track" }, declined: false });
    expect(readCustomerPick({ type: "intent.declined", intent: null })).toEqual({ confirmed: null, declined: true });
    expect(readCustomerPick({ type: "intent.classified", intent: "refund" })).toEqual({ confirmed: null, declined: false });
    expect(readCustomerPick({ type: "intent.confirmed", intent: null })).toEqual({ confirmed: null, declined: false });
    expect(readCustomerPick(null)).toEqual({ confirmed: null, declined: false });
  });

  const sending = (at: string, pick: Partial<Sending> = {}): Sending => ({
    text: `where's my parcel (${at})`,
    lastSeenAt: at,
    guess: { name: "track", confidence: 0.4 },
    notSure: true,
    confirmed: null,
    declined: false,
    ...pick,
  });
  const fold = (sendings: Sending[]) => sendings.reduce<ReturnType<typeof foldSending> | undefined>((row, next) => foldSending(row, next), undefined)!;

  it("folds a message's sendings, newest first: its wording and verdict from the newest, the newest confirmed pick over any decline", () => {
    const row = fold([
      sending("3", { declined: true }),
      sending("2", { confirmed: { name: "refund" } }),
      sending("1", { confirmed: { name: "track" }, notSure: false }),
    ]);
    expect(row).toEqual({ ...sending("3"), count: 3, confirmed: { name: "refund" }, declined: false });
  });

  it("is declined when some sending was declined and none confirmed, and neither when no offer was answered", () => {
    expect(fold([sending("3"), sending("2", { declined: true }), sending("1")])).toMatchObject({ count: 3, confirmed: null, declined: true });
    expect(fold([sending("2"), sending("1")])).toMatchObject({ count: 2, confirmed: null, declined: false });
  });
});
