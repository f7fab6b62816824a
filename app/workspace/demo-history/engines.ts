/**
 * Scripted engines for the generated demo history (like the tests' fake engines): the flow runs
 * in the real runtime, and these decide, with the seeded random source, what the classifier,
 * the knowledge base and the API calls answer. An intent is recognised when the customer used
 * one of its example phrases; a KB question is answered from an article with the node's tags
 * most of the time (a vague line never); an API call succeeds most of the time with plausible values.
 */
import type { FlowServices } from "~/flow";
import type { HttpCallInput, HttpCallResult } from "~/nodes/http/result";
import { VAGUE_LINES } from "~/nodes/shared/demo";
import type { Random } from "./random";

export type DemoArticle = { id: string; slug: string; title: string; tags: string[]; excerpt: string };

const CHANCES = { kbFound: 0.85, apiFails: 0.08 };

const round = (value: number) => Math.round(value * 100) / 100;
const normalise = (text: string) => text.trim().toLowerCase();

function callApi(input: HttpCallInput, random: Random): HttpCallResult {
  const { method, timeoutMs, map } = input.data;
  const url = input.data.url.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => encodeURIComponent(String(input.fields[name] ?? "")));
  if (random.chance(CHANCES.apiFails)) {
    return { ok: false, method, url, status: null, error: "timeout", detail: `no answer within ${timeoutMs / 1000} s`, durationMs: timeoutMs, fields: {} };
  }
  const fields = Object.fromEntries(map.map((mapping) => [mapping.field, /status/i.test(mapping.field) ? random.pick(["shipped", "processing", "delivered"]) : `demo ${mapping.field.replace(/_/g, " ")}`]));
  return { ok: true, method, url, status: 200, error: null, detail: "", durationMs: random.int(40, 400), fields };
}

export function createScriptedEngines(random: Random, articles: DemoArticle[]): FlowServices {
  return {
    intents: {
      async classify({ intents, text }) {
        const said = normalise(text);
        const matched = intents.find((intent) => intent.examples.some((example) => normalise(example) === said));
        if (!matched) {
          const confidence = round(random.next() * 0.35);
          return { intent: null, confidence, ranked: intents.map((intent) => ({ name: intent.name, confidence })) };
        }
        // Recognised phrases are mostly confident: the square root skews the draw towards 1.
        const confidence = round(0.6 + 0.4 * Math.sqrt(random.next()));
        return { intent: matched.name, confidence, ranked: [{ name: matched.name, confidence }] };
      },
    },
    knowledge: {
      async search({ tags, limit }) {
        const candidates = articles.filter((article) => !tags?.length || article.tags.some((tag) => tags.includes(tag)));
        return candidates.slice(0, limit ?? 5).map((article) => ({ id: article.id, slug: article.slug, title: article.title, tags: article.tags, score: 0.5 }));
      },
      async answer({ query, tags, minScore }) {
        // The customer's vague lines (said where an intent step is unsure, then looked up by a kb
        // step over the whole knowledge base) name nothing an article could answer.
        if (VAGUE_LINES.includes(query)) return null;
        const candidates = articles.filter((article) => !tags?.length || article.tags.some((tag) => tags.includes(tag)));
        if (candidates.length === 0 || !random.chance(CHANCES.kbFound)) return null;
        const article = random.pick(candidates);
        const ref = { id: article.id, slug: article.slug, title: article.title };
        return { article: ref, text: article.excerpt, score: round(minScore + (1 - minScore) * random.next() * 0.8), citations: [ref] };
      },
    },
    summarizer: {
      async summarize({ reason }) {
        return { text: reason };
      },
    },
    http: { call: async (input) => callApi(input, random) },
  };
}
