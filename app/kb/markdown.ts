/**
 * Article Markdown → HTML, the same in the editor's live preview (browser) and on the server.
 * Safe by construction rather than by cleaning afterwards: markdown-it with `html: false`
 * escapes every raw HTML tag the author typed, and its link validator drops javascript:,
 * vbscript:, file: and non-image data: URLs. Links open in a new tab so a click in the preview
 * never navigates away from an unsaved article.
 */
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index].attrSet("target", "_blank");
  tokens[index].attrSet("rel", "noopener noreferrer");
  return renderLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
