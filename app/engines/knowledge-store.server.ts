/**
 * The process-wide knowledge index over PUBLISHED articles, built from the database on first
 * use. The KB management code calls refreshArticle(id) after saving an article (published →
 * indexed or replaced; draft or deleted → removed) and removeArticle(id) after deleting one;
 * reloadKnowledgeIndex() drops it so the next use rebuilds everything (after a bulk import).
 * Each indexed revision's passages are embedded once, in the background, by the process's
 * sentence encoder (BATON_SEMANTIC_SEARCH=off leaves it out: ranking on words alone), through
 * the SentenceVector table: a text any instance embedded before is read back, not embedded again,
 * so a restart ranks with vectors as soon as the index is read.
 */
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { parseStoredStringList } from "~/utils/stored-string-list";
import { languageOfTexts } from "./detect-language";
import { KnowledgeIndex, type KnowledgeArticle } from "./local/knowledge-index";
import { getSentenceEncoder } from "./local/sentence-encoder.server";
import { getSentenceVectorStore } from "./sentence-vector-store.server";

export const articleSelect = { id: true, slug: true, title: true, body: true, tags: true, questions: true, status: true } as const;

type ArticleRow = { id: string; slug: string; title: string; body: string; tags: string; questions: string; status: string };

/** What warming embeds to load the model (any short text would do). */
export const ENCODER_WARM_UP_TEXT = "how can I help you?";

/** Characters of each article body read to tell the knowledge base's language. */
const KB_LANGUAGE_SAMPLE = 400;

let index: KnowledgeIndex | null = null;
let loading: Promise<KnowledgeIndex> | null = null;
/** Bumped by every reload, so a load that started before it is not kept. */
let generation = 0;

export function parseArticleRow(row: ArticleRow): KnowledgeArticle {
  const questions = parseStoredStringList(row.questions);
  return { id: row.id, slug: row.slug, title: row.title, body: row.body, tags: parseStoredStringList(row.tags), ...(questions.length ? { questions } : {}) };
}

function semanticSearchOn(): boolean {
  return getEnv().BATON_SEMANTIC_SEARCH !== "off";
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function buildIndex(): Promise<KnowledgeIndex> {
  const rows = await db.article.findMany({ where: { status: "published" }, select: articleSelect });
  // The articles' language sets how words are analysed; articles added later are read the same way until the next rebuild.
  const language = languageOfTexts(rows.map((row) => `${row.title}. ${row.body.slice(0, KB_LANGUAGE_SAMPLE)}`));
  const fresh = new KnowledgeIndex({ encoder: semanticSearchOn() ? getSentenceEncoder() : undefined, vectorStore: getSentenceVectorStore(), language });
  for (const row of rows) {
    fresh.upsert(parseArticleRow(row));
    // Reading an article's words takes tens of ms: the server answers requests between articles
    // (at start-up the whole store would hold the first pages for seconds, past the render limit).
    await yieldToRequests();
  }
  return fresh;
}

/** The index, loaded once; concurrent first callers share one load. */
export async function getKnowledgeIndex(): Promise<KnowledgeIndex> {
  if (index) return index;
  const started = generation;
  loading ??= buildIndex().then(
    (built) => {
      // A reload while this load read the database: keep it for its callers, not as the index.
      if (started === generation) index = built;
      loading = null;
      return built;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Builds the index and waits until every published article is embedded and its vectors are stored
 * (`kb -- index`); returns how many articles the index holds.
 */
export async function indexKnowledgeBaseNow(): Promise<number> {
  const built = await getKnowledgeIndex();
  await built.whenEmbedded();
  return built.size;
}

/**
 * Builds the index and starts embedding its articles in the background, so the first questions
 * after a start are ranked with sentence vectors rather than on words alone. Never awaited by the
 * caller: start-up does not wait for it, and a failure only means the first question loads it.
 */
export function warmKnowledgeIndex(): void {
  getKnowledgeIndex()
    .then(async (warm) => {
      await warm.whenEmbedded();
      // Vectors read back from the database need no model, so a restart would leave loading it
      // (0.3–1.3 s) to the first customer's question: loaded here instead.
      if (warm.size > 0 && semanticSearchOn()) await getSentenceEncoder().embed([ENCODER_WARM_UP_TEXT]);
    })
    .catch((error: unknown) => console.warn("[knowledge] warming the index at start-up failed:", error instanceof Error ? error.message : error));
}

export async function refreshArticle(id: string): Promise<void> {
  // Not loaded yet: the first use will read the saved version anyway.
  if (!index) return;
  const row = await db.article.findUnique({ where: { id }, select: articleSelect });
  if (row && row.status === "published") index.upsert(parseArticleRow(row));
  else index.remove(id);
}

export async function removeArticle(id: string): Promise<void> {
  index?.remove(id);
}

/**
 * Drops the index; the next use rebuilds it from the database. Not rebuilt here: a command-line
 * import would otherwise start embedding every article and wait for it before exiting.
 */
export async function reloadKnowledgeIndex(): Promise<void> {
  generation += 1;
  index = null;
  loading = null;
}
