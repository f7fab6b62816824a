/**
 * Markdown → plain text for indexing (and for the LLM's grounding). Articles are written by
 * support leads: headings, lists, emphasis, links and the odd code span — not a full CommonMark
 * parser, just enough that "**Refunds**" and "[portal](https://…)" index as words. The passage
 * shown to the customer is cut from the article's structure instead (article-outline.ts).
 */
import { splitSentences } from "./text";

export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/```[^\n]*\n([\s\S]*?)```/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, "$1.")
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "")
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "")
    .replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, "")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/(\*|_)(\S.*?\S|\S)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\.\.(\s|$)/g, ".$1")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Paragraphs of the plain text (blank-line separated), each a list of sentences. */
export function splitParagraphs(plain: string): string[][] {
  return plain
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .map(splitSentences);
}
