/**
 * The texts of an article that are embedded for semantic matching: its title, and each block of
 * its outline (a paragraph, a list, a table) prefixed with the article's title and the heading of
 * its section, because a block alone often does not say what it is about ("Orders ship within 1
 * business day" sits under "Shipping options — Delivery options"). A long block is cut: the sentence encoder reads the gist of a few
 * sentences best, and its cost grows with length. (Embedding every sentence as well was tried:
 * three times the vectors for no better ranking on the tuning questions.)
 */
import type { ArticleOutline } from "./article-outline";

const MAX_PASSAGE_CHARS = 400;

export function articlePassages(title: string, outline: ArticleOutline): string[] {
  const passages = [title];
  for (const section of outline) {
    const prefix = section.heading === title ? `${title}: ` : `${title} — ${section.heading}: `;
    for (const block of section.blocks) {
      const text = prefix + block.units.map((unit) => unit.text).join(" ");
      passages.push(text.length > MAX_PASSAGE_CHARS ? text.slice(0, MAX_PASSAGE_CHARS) : text);
    }
  }
  return [...new Set(passages)];
}
