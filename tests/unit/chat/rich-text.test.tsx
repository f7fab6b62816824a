import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "~/chat/components/rich-text";

describe("message text", () => {
  it("is text: markup in a message is escaped, never parsed", () => {
    const html = renderToStaticMarkup(<RichText text={'<img src=x onerror=alert(1)> & "quotes"'} linkify />);
    expect(html).toBe("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
  });

  it("links http(s) URLs in bot and agent text by splitting it into nodes, leaving trailing punctuation out", () => {
    const html = renderToStaticMarkup(<RichText text={"See https://help.example.com/returns?x=1&y=2. Or javascript:alert(1)"} linkify />);
    expect(html).toBe(
      'See <a href="https://help.example.com/returns?x=1&amp;y=2" target="_blank" rel="noopener noreferrer nofollow">https://help.example.com/returns?x=1&amp;y=2</a>. Or javascript:alert(1)',
    );
  });

  it("leaves customer text unlinked", () => {
    expect(renderToStaticMarkup(<RichText text="https://evil.example" linkify={false} />)).toBe("https://evil.example");
  });
});
