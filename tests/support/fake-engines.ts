/**
 * In-memory engines for unit tests: predictable on purpose, so a test states exactly which
 * intent or article wins. Not the product's engines (those live in app/engines/local/).
 * - intents: keyword overlap between the message and each intent's examples;
 * - knowledge: articles matched by how many query words they contain.
 */
import type { Engines, IntentPrediction, KbAnswer, RetrievedArticle } from "~/engines/types";

export type FakeArticle = { id: string; slug: string; title: string; body: string; tags?: string[] };

const STOP = new Set(["i", "a", "an", "the", "my", "is", "to", "of", "and", "it", "for", "me", "do", "can", "you", "how", "what", "where", "this", "that", "in", "on", "with", "want", "please", "hi", "hello"]);

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP.has(word));
}

export function classifyByOverlap(text: string, intents: { name: string; examples: string[] }[]): IntentPrediction {
  const message = new Set(words(text));
  const ranked = intents
    .map((intent) => {
      const vocabulary = new Set(intent.examples.flatMap(words));
      const hits = [...message].filter((word) => vocabulary.has(word)).length;
      return { name: intent.name, confidence: message.size ? Math.min(1, hits / Math.min(message.size, 3)) : 0 };
    })
    .sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0];
  return { intent: best && best.confidence > 0 ? best.name : null, confidence: best?.confidence ?? 0, ranked };
}

export type FakeEngineOptions = {
  articles?: FakeArticle[];
  /** Make an engine throw, to test error handoffs. */
  failIntents?: boolean;
  failKnowledge?: boolean;
};

export function createFakeEngines(options: FakeEngineOptions = {}): Engines & { calls: { classify: string[]; answer: string[] } } {
  const articles = options.articles ?? [];
  const calls = { classify: [] as string[], answer: [] as string[] };
  function search(query: string, tags?: string[]): RetrievedArticle[] {
    const wanted = words(query);
    return articles
      .filter((article) => !tags?.length || (article.tags ?? []).some((tag) => tags.includes(tag)))
      .map((article) => {
        const vocabulary = new Set(words(`${article.title} ${article.body}`));
        const hits = wanted.filter((word) => vocabulary.has(word)).length;
        return { id: article.id, slug: article.slug, title: article.title, tags: article.tags ?? [], score: wanted.length ? hits / wanted.length : 0 };
      })
      .filter((article) => article.score > 0)
      .sort((a, b) => b.score - a.score);
  }
  return {
    calls,
    intents: {
      async classify({ intents, text }) {
        calls.classify.push(text);
        if (options.failIntents) throw new Error("intent engine down");
        return classifyByOverlap(text, intents);
      },
    },
    knowledge: {
      async search({ query, tags, limit }) {
        return search(query, tags).slice(0, limit ?? 5);
      },
      async answer({ query, tags, minScore }): Promise<KbAnswer | null> {
        calls.answer.push(query);
        if (options.failKnowledge) throw new Error("knowledge engine down");
        const best = search(query, tags)[0];
        if (!best || best.score < minScore) return null;
        const article = articles.find((candidate) => candidate.id === best.id)!;
        const ref = { id: article.id, slug: article.slug, title: article.title };
        return { article: ref, text: article.body, score: best.score, citations: [ref] };
      },
    },
    summarizer: {
      async summarize({ reason }) {
        return { text: `Summary: ${reason}` };
      },
    },
  };
}
