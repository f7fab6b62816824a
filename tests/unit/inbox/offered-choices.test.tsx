/**
 * The line under "These articles might help" in the inbox transcript says what the customer did in
 * the same words as the handoff packet (vocabulary/offer-answers.ts). Before, the transcript said
 * "Customer picked none of these" both for "None of these" (the packet: "declined the
 * suggestions") and for a reply the kb step never read, such as asking for a person (the packet:
 * "none picked").
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Timeline } from "~/inbox/components/timeline";
import { readOfferedChoices } from "~/inbox/offered-choices";
import type { TimelineMessage } from "~/inbox/view";
import { readArticleOffers, type OfferLine, type OfferOutcomeEvent } from "~/runtime/offers";
import { describeOfferOutcome } from "~/vocabulary/offer-answers";

const SHIPPING = { articleId: "a-ship", slug: "shipping", title: "Shipping" };
const RETURNS = { articleId: "a-ret", slug: "returns", title: "Returns" };
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, second));

const offer: OfferLine = { role: "bot", createdAt: at(1), metadata: { offered: [SHIPPING, RETURNS], choices: ["Shipping", "Returns", "None of these"], nodeId: "kb1" } };
const reply: OfferLine = { role: "customer", createdAt: at(2), metadata: {} };
const kbRead = (payload: Record<string, unknown>): OfferOutcomeEvent => ({ type: "kb.notFound", nodeId: "kb1", createdAt: at(2), payload });

/** The transcript's line under the offer, rendered as the agent sees it (null: no such line). */
function transcriptLine(lines: OfferLine[], events: OfferOutcomeEvent[]): string | null {
  const choices = readOfferedChoices(lines, events).get(0);
  const message: TimelineMessage = { kind: "message", id: "m1", seq: 1, role: "bot", text: "These articles might help.", createdAt: at(1).toISOString(), authorName: null, source: null, offer: choices };
  const html = renderToStaticMarkup(<Timeline items={[message]} contactName="Maya" pending={null} />);
  return /<p class="line__picked">([^<]*)<\/p>/.exec(html)?.[1] ?? null;
}

/** The handoff packet's words for the same offer (packet panel and summary). */
function packetWords(lines: OfferLine[], events: OfferOutcomeEvent[]): string {
  const [read] = readArticleOffers(lines, events);
  return describeOfferOutcome(read.picked?.title ?? null, read.answer);
}

describe("the transcript's line under an offer of articles", () => {
  it.each([
    ["a pick", [offer, reply, { role: "bot", createdAt: at(2), metadata: { source: RETURNS, picked: true } } satisfies OfferLine], [], "Customer picked Returns"],
    ["None of these", [offer, reply], [kbRead({ query: "q", declinedSuggestions: true })], "Customer declined the suggestions"],
    ["a new question", [offer, reply], [kbRead({ query: "q", askedAnew: true })], "Customer asked something else instead"],
    ["a reply the kb step did not read (asking for a person)", [offer, reply], [], "Customer replied without answering the suggestions"],
  ])("after %s says what the packet says", (_case, lines: OfferLine[], events: OfferOutcomeEvent[], expected) => {
    expect(transcriptLine(lines, events)).toBe(expected);
    expect(transcriptLine(lines, events)).toBe(`Customer ${packetWords(lines, events)}`);
  });

  it("is absent while the customer has not replied (the packet: none picked)", () => {
    expect(transcriptLine([offer], [])).toBeNull();
    expect(packetWords([offer], [])).toBe("none picked");
  });
});
