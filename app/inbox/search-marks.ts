/**
 * How a search hit marks the words it matched. The database wraps them in two private-use
 * characters (nobody types them), and the list turns those into <mark>: visible brackets such as
 * «…» read as part of the message, and a French customer's own « guillemets » would be mistaken
 * for a match. Client-safe: the SQL in search.server.ts and the list share these constants.
 */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

export type SnippetPart = { text: string; matched: boolean };

/** The snippet in order, each part marked or not; an unclosed mark runs to the end. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let matched = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, matched });
    text = "";
  };
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      matched = char === MATCH_START;
    } else text += char;
  }
  flush();
  return parts;
}
