/**
 * The texts of an article that are embedded for semantic matching.
 *
 * Passages: its title, and each block of its outline (a paragraph, a list, a table) prefixed with
 * the article's title and the heading of its section, because a block alone often does not say
 * what it is about ("Orders ship within 1 business day" sits under "Shipping options — Delivery
 * options"). A long block is cut: the sentence encoder reads the gist of a few sentences best, and
 * its cost grows with length. (Embedding every sentence as well was tried: three times the
 * vectors for no better ranking on the tuning questions.) A table's rows and a list's items are
 * also passages of their own, with the same prefix.
 *
 * Cues: short "what is this article about" texts that read like the questions customers ask —
 * the title with the article's first sentence, and the title with each section heading; the
 * reranker reads the best cue's cosine (knowledge-reranker.ts). In the reverted ranking
 * experiment, ranked beside the passages, they raised recall@1 on the tuning questions of both
 * domains (most on StackFAQ, whose questions paraphrase a thread's title).
 *
 * Example questions: what the support lead wrote under "Customers also ask" (or confirmed from
 * "Questions the bot couldn't answer"). They are cues too, embedded as written — they already ARE
 * customers' questions — and kept apart from the generated cues so the ranking can say which one
 * matched. An article without them has exactly the cues it had before they existed.
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
      // A table's rows and a list's items each answer a question of their own ("how long does
      // standard shipping take" is one row of the delivery options table): embedded one by one too.
      if (block.kind !== "sentences" && block.units.length > 1) {
        for (const unit of block.units) passages.push((prefix + unit.text).slice(0, MAX_PASSAGE_CHARS));
      }
    }
  }
  return [...new Set(passages)];
}

export function articleCues(title: string, outline: ArticleOutline): string[] {
  const firstSentence = outline[0]?.blocks[0]?.units[0]?.text;
  const cues = [firstSentence ? `${title}. ${firstSentence}` : title];
  for (const section of outline) if (section.heading !== title) cues.push(`${title} — ${section.heading}`);
  return [...new Set(cues)];
}

/** The article's example questions as they are embedded: trimmed, without empties or repeats (the schema already normalises; this guards other callers). */
export function articleExampleCues(questions: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const cues: string[] = [];
  for (const question of questions ?? []) {
    const text = question.trim();
    const key = text.toLocaleLowerCase();
    if (text === "" || seen.has(key)) continue;
    seen.add(key);
    cues.push(text);
  }
  return cues;
}
