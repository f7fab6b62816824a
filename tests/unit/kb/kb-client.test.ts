/** The KB pages' client-safe pieces: Markdown rendering (formatting on, anything executable inert), the form, dates. */
import { describe, expect, it } from "vitest";
import { readArticleForm, splitTags, toFormErrors } from "~/kb/article-form";
import { formatAbsolute, formatRelative } from "~/kb/format";
import { renderMarkdown } from "~/kb/markdown";

describe("renderMarkdown", () => {
  it("renders the Markdown support leads write", () => {
    const html = renderMarkdown("## Refunds\n\n- **5–7** business days\n- see [methods](refund-methods)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<h2>Refunds</h2>");
    expect(html).toContain("<li><strong>5–7</strong> business days</li>");
    expect(html).toContain('<a href="refund-methods" target="_blank" rel="noopener noreferrer">methods</a>');
    expect(html).toContain("<td>1</td>");
  });

  it("escapes raw HTML and drops script URLs", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x) ![d](data:text/html,<b>x</b>)');
    expect(html).not.toMatch(/<script|<img|href="javascript|href="vbscript|src="data:text/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});

describe("the article form", () => {
  it("reads tags separated by commas and normalises line endings", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ title: "T", body: "a\r\nb\rc", tags: " Refunds, ,billing ,", status: "draft" })) form.set(name, value);
    expect(readArticleForm(form)).toEqual({ title: "T", body: "a\nb\nc", tags: ["Refunds", "billing"], questions: [], status: "draft" });
    expect(splitTags("")).toEqual([]);
    // One `questions` field per example question (the editor's rows and its new-question box).
    form.append("questions", "where is my refund?");
    form.append("questions", "");
    expect(readArticleForm(form).questions).toEqual(["where is my refund?", ""]);
  });

  it("words each field's first error for the form, naming the bad tag", () => {
    const errors = toFormErrors(
      [
        { field: "title", message: "the title is required" },
        { field: "tags.1", message: "a tag is at most 40 characters" },
        { field: "tags.2", message: "a tag cannot be empty" },
        { field: "color", message: "unknown field color" },
      ],
      ["ok", "far-too-long"],
    );
    expect(errors).toEqual({ title: "The title is required", tags: "Tag “far-too-long”: a tag is at most 40 characters", form: "Unknown field color" });
  });
});

describe("dates on the KB pages", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");
  it("says how long ago in plain words, the same on server and browser", () => {
    const ago = (ms: number) => formatRelative(new Date(now - ms), now);
    expect([ago(5_000), ago(45 * 60_000), ago(3 * 3_600_000), ago(30 * 3_600_000), ago(4 * 86_400_000), ago(15 * 86_400_000), ago(70 * 86_400_000), ago(800 * 86_400_000)]).toEqual([
      "just now",
      "45 min ago",
      "3 hours ago",
      "yesterday",
      "4 days ago",
      "2 weeks ago",
      "2 months ago",
      "2 years ago",
    ]);
    expect(formatRelative(new Date(now + 60_000), now)).toBe("just now");
    expect(formatAbsolute("2026-12-01T19:36:18.778Z")).toBe("2026-12-01 19:36 UTC");
  });
});
