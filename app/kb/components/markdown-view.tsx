import { useMemo } from "react";
import { renderMarkdown } from "../markdown";

/** A rendered article body. The HTML comes from renderMarkdown, which never passes raw HTML through. */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={className ? `markdown ${className}` : "markdown"} dangerouslySetInnerHTML={{ __html: html }} />;
}
