import { Fragment } from "react";

// http(s) URLs only; trailing punctuation stays text ("see https://x.example." links without the dot).
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * Message text as React text nodes. Links are made by splitting the string, never by parsing
 * HTML, so a message like `<img src=x onerror=alert(1)>` is shown as those characters.
 * Line breaks are kept by the stylesheet (white-space: pre-wrap).
 */
export function RichText({ text, linkify }: { text: string; linkify: boolean }) {
  if (!linkify) return <>{text}</>;
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: match[0], href: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return (
    <>
      {parts.map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
