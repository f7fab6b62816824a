/** The New flow dialog describes each starter by what it handles, read from its steps. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFlowDocument, type FlowDocument } from "~/flow";
import { summariseStarter } from "~/flow-admin/starter-summary";

function starter(slug: string): FlowDocument {
  const parsed = parseFlowDocument(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../flows", `${slug}.json`), "utf8")));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.document;
}

describe("summariseStarter", () => {
  it("says what each shipped starter handles, asks and hands off, not only how many steps it has", () => {
    expect(summariseStarter(starter("store-support"))).toBe(
      "Sorts messages into order status, shipping info, refund and account access; asks for the order number, email and shipping status; answers from the help centre; hands off to Support or Billing. 19 steps to adapt.",
    );
    expect(summariseStarter(starter("refunds-and-returns"))).toBe(
      "Sorts messages into return item, damaged item and refund status; asks for the order number, email, membership and 3 more; answers from the help centre; hands off to Support or Billing. 22 steps to adapt.",
    );
    expect(summariseStarter(starter("order-status"))).toBe("Asks for the order number; looks things up through an API; hands off to Support. 14 steps to adapt.");
  });

  it("falls back to the step count for a flow with nothing to name", () => {
    const blank: FlowDocument = { ...starter("order-status"), nodes: starter("order-status").nodes.filter((node) => node.kind === "start" || node.kind === "message") };
    expect(summariseStarter(blank)).toBe(`A ready-made flow with ${blank.nodes.length} steps to adapt.`);
  });
});
