import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BusinessHoursFootnote, firstResponseDetail } from "~/analytics/components/metric-cards";

const MINUTE = 60_000;
const firstResponse = {
  count: 12,
  medianMs: 5 * MINUTE + 1000,
  p90Ms: 28 * MINUTE + 6000,
  awaiting: 5,
  closedWithoutReply: 0,
  handedBackWithoutReply: 0,
  business: { medianMs: 4 * MINUTE, p90Ms: 20 * MINUTE },
};

describe("the first human response card", () => {
  it("says how many handoffs still wait for a first reply, in words", () => {
    expect(firstResponseDetail(firstResponse)).toBe("p90 28m 06s · 5 still waiting");
  });

  it("names the business-hours figures as the card names the wall-clock ones (the word, then the number), each kept on one line", () => {
    const html = renderToStaticMarkup(<BusinessHoursFootnote firstResponse={firstResponse} />);
    expect(html.replace(/<[^>]+>/g, "")).toBe("In business hours: median 4m 00s · p90 20m 00s");
    expect(html).toContain('<span class="metric-figure">median 4m 00s</span>');
    expect(html).toContain('<span class="metric-figure">p90 20m 00s</span>');
  });
});
