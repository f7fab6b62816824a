/**
 * An article's structure, for cutting the answer shown to the customer: sections (the article's
 * title heads the intro, then one per heading), each a list of blocks — paragraphs split into
 * sentences, numbered steps, bullets, table rows — whose units are what a passage is made of.
 * A passage therefore always starts at the start of a sentence, a step, a bullet or a row.
 * Parsed with markdown-it (the editor's renderer), so emphasis, links, nested lists and tables
 * are read the way the support lead sees them in the preview. Each unit carries its index terms,
 * computed once when the article is indexed rather than on every question.
 */
import MarkdownIt, { type Token } from "markdown-it";
import { indexTerms, splitSentences } from "./text";

/** `pointer`: mostly the title of a linked article ("Related: My package is late or missing") — a signpost, not an answer. */
export type OutlineUnit = { text: string; terms: ReadonlySet<string>; details: string[]; pointer: boolean };
export type OutlineBlock = { kind: "sentences" | "steps" | "bullets" | "rows"; units: OutlineUnit[]; firstNumber: number };
export type OutlineSection = { heading: string; headingTerms: ReadonlySet<string>; blocks: OutlineBlock[] };
export type ArticleOutline = OutlineSection[];

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

type InlineText = { text: string; linkChars: number };

/** The text of an inline token: emphasis and link syntax dropped, code spans and image alt text kept. */
function readInline(token: Token | undefined): InlineText {
  if (!token?.children) return { text: token?.content.trim() ?? "", linkChars: 0 };
  let text = "";
  let linkChars = 0;
  let inLink = false;
  for (const child of token.children) {
    if (child.type === "link_open" || child.type === "link_close") inLink = child.type === "link_open";
    else if (child.type === "text" || child.type === "code_inline" || child.type === "image") {
      text += child.content;
      if (inLink) linkChars += child.content.length;
    } else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return { text: text.replace(/\s+/g, " ").trim(), linkChars };
}

const inlineText = (token: Token | undefined) => readInline(token).text;

function unit(text: string, details: string[] = [], linkChars = 0): OutlineUnit {
  return { text, details, terms: new Set(indexTerms([text, ...details].join(" "))), pointer: linkChars > text.length / 2 };
}

/** Index of the token closing the one opened at `open` (same nesting level and type family). */
function closingIndex(tokens: Token[], open: number): number {
  const closeType = tokens[open].type.replace(/_open$/, "_close");
  for (let i = open + 1; i < tokens.length; i++) if (tokens[i].type === closeType && tokens[i].level === tokens[open].level) return i;
  return tokens.length - 1;
}

/** One list item: its own paragraphs are the unit's text, nested list items its details. */
function listItem(tokens: Token[], from: number, to: number): OutlineUnit {
  const own: InlineText[] = [];
  const details: string[] = [];
  const itemLevel = tokens[from].level;
  for (let i = from + 1; i < to; i++) {
    if (tokens[i].type !== "inline") continue;
    // Paragraphs of this item sit two levels below it; deeper ones belong to nested lists.
    if (tokens[i].level === itemLevel + 2) own.push(readInline(tokens[i]));
    else details.push(inlineText(tokens[i]));
  }
  const linkChars = own.reduce((sum, part) => sum + part.linkChars, 0);
  return unit(own.map((part) => part.text).join(" "), details.filter(Boolean), linkChars);
}

function listBlock(tokens: Token[], from: number, to: number): OutlineBlock {
  const units: OutlineUnit[] = [];
  for (let i = from + 1; i < to; i++) {
    if (tokens[i].type !== "list_item_open" || tokens[i].level !== tokens[from].level + 1) continue;
    const end = closingIndex(tokens, i);
    units.push(listItem(tokens, i, end));
    i = end;
  }
  const ordered = tokens[from].type === "ordered_list_open";
  return { kind: ordered ? "steps" : "bullets", units, firstNumber: Number(tokens[from].attrGet("start") ?? 1) };
}

/** Table rows as sentences a customer can read alone: "Overnight — Cost: $20.00; Arrives: next day". */
function tableBlock(tokens: Token[], from: number, to: number): OutlineBlock {
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (let i = from + 1; i < to; i++) {
    if (tokens[i].type === "tr_open") row = [];
    else if (tokens[i].type === "tr_close" && row) rows.push(row);
    else if (tokens[i].type === "inline" && row) row.push(inlineText(tokens[i]));
  }
  const [header = [], ...body] = rows;
  const units = body.map((cells) => {
    const labelled = cells
      .slice(1)
      .map((cell, column) => ({ cell, label: header[column + 1] ?? "" }))
      .filter(({ cell }) => cell !== "" && cell !== "—" && cell !== "-")
      .map(({ cell, label }) => (label ? `${label}: ${cell}` : cell));
    return unit(labelled.length ? `${cells[0]} — ${labelled.join("; ")}` : cells[0] ?? "");
  });
  return { kind: "rows", units: units.filter((row) => row.text !== ""), firstNumber: 1 };
}

export function parseArticleOutline(title: string, body: string): ArticleOutline {
  const tokens = markdown.parse(body, {});
  const intro: OutlineSection = { heading: title, headingTerms: new Set(indexTerms(title)), blocks: [] };
  const sections: OutlineSection[] = [intro];
  const current = () => sections[sections.length - 1];
  const addSentences = ({ text, linkChars }: InlineText) => {
    const sentences = splitSentences(text.replace(/\s+/g, " ").trim());
    // A one-sentence paragraph can be a signpost ("See Refund methods."); longer ones are prose.
    const units = sentences.map((sentence) => unit(sentence, [], sentences.length === 1 ? linkChars : 0));
    if (units.length) current().blocks.push({ kind: "sentences", units, firstNumber: 1 });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "heading_open") {
      const heading = inlineText(tokens[i + 1]);
      sections.push({ heading, headingTerms: new Set(indexTerms(heading)), blocks: [] });
      i = closingIndex(tokens, i);
    } else if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
      const end = closingIndex(tokens, i);
      current().blocks.push(listBlock(tokens, i, end));
      i = end;
    } else if (token.type === "table_open") {
      const end = closingIndex(tokens, i);
      current().blocks.push(tableBlock(tokens, i, end));
      i = end;
    } else if (token.type === "inline") {
      addSentences(readInline(token));
    } else if (token.type === "fence" || token.type === "code_block") {
      addSentences({ text: token.content, linkChars: 0 });
    }
  }
  return sections.filter((section) => section.blocks.length > 0);
}
