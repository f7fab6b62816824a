import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmailText } from "~/inbox/components/email-text";
import { summaryPreview } from "~/inbox/format";

describe("an email address in a narrow column", () => {
  it("may wrap right after its @, so the domain stays whole", () => {
    expect(renderToStaticMarkup(<EmailText email="yuki.garcia@example.com" />)).toBe("yuki.garcia@<wbr/>example.com");
  });

  it("is shown as typed when it has no @ to wrap at, and stays text", () => {
    expect(renderToStaticMarkup(<EmailText email="@<b>x</b>" />)).toBe("@&lt;b&gt;x&lt;/b&gt;");
    expect(renderToStaticMarkup(<EmailText email="not-an-email" />)).toBe("not-an-email");
  });
});

describe("a conversation's summary in a contact's history", () => {
  it("joins its lines with a separator instead of running them together", () => {
    expect(summaryPreview("Customer asked for a person\nThe customer's last two messages:\n“5765904508”\n\n“Can I talk to a real person please?”")).toBe(
      "Customer asked for a person · The customer's last two messages: “5765904508” · “Can I talk to a real person please?”",
    );
  });
});
