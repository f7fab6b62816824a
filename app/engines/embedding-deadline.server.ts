/**
 * A customer's turn never waits unboundedly for the sentence encoder. The worker may be loading
 * the model, retrying tfjs's "wasm not yet initialized" for up to a minute, or busy embedding a
 * knowledge base; a turn that needs a vector (an intent step, a kb step) waits for it only until
 * the turn's deadline (`BATON_EMBEDDING_DEADLINE_MS` after the turn started, shared by every step
 * of the turn). Past it, the step decides on words alone for that turn, exactly as it does while
 * the encoder is not ready, and its result says so (`fallback`, recorded as `engine.fallback`).
 *
 * Only the WAIT is bounded, never the work: the embedding goes on, so a late message vector lands
 * in the encoder's cache and late example or article vectors are kept and stored as usual (those
 * are embedded by background jobs that no deadline touches).
 *
 * The deadline travels with the turn through AsyncLocalStorage, so the engines' wait points
 * (intent-classifier.ts, article-vectors.ts) need no new parameter. The knowledge base's Try it
 * page runs under the same deadline, so it shows what a customer asking now would get; elsewhere
 * (the eval commands, the intent tester) there is no deadline and they wait as before.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { getEnv } from "~/utils/env.server";
import type { Engines, IntentPrediction, KbAnswer, KbSuggestions } from "./types";

/** What the trace says when a step ranked on words alone because the encoder was too slow. */
export const WORDS_ONLY_ENGINE = "sentence-encoder";

type TurnScope = { deadlineAt: number; missed: number };

const scopes = new AsyncLocalStorage<TurnScope>();
const LATE = Symbol("late");

export function readEmbeddingDeadlineMs(): number {
  return getEnv().BATON_EMBEDDING_DEADLINE_MS;
}

/**
 * Runs a turn with an embedding deadline `ms` from now. Nested calls (a reopened conversation
 * runs two flow steps in one turn) share the outer turn's deadline.
 */
export function runWithEmbeddingDeadline<T>(work: () => Promise<T>, ms: number = readEmbeddingDeadlineMs()): Promise<T> {
  if (scopes.getStore()) return work();
  return scopes.run({ deadlineAt: performance.now() + ms, missed: 0 }, work);
}

/**
 * The embedding's result, or null once the turn's deadline has passed (the work goes on and its
 * result is cached by whoever made it). Outside a turn, simply the work's result.
 */
export async function withinEmbeddingDeadline<T>(work: Promise<T>): Promise<T | null> {
  const scope = scopes.getStore();
  if (!scope) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), Math.max(0, scope.deadlineAt - performance.now()));
  });
  try {
    const result = await Promise.race([work, late]);
    if (result !== LATE) return result;
    scope.missed += 1;
    // Nobody waits for it any more: a later failure is the encoder's to report, not an unhandled rejection.
    work.catch(() => undefined);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this code runs inside a turn (or Try it request), whose deadline bounds every embedding wait. */
export function insideEmbeddingDeadline(): boolean {
  return scopes.getStore() !== undefined;
}

/** Whether a wait in this turn (or Try it request) gave up at the deadline. */
export function missedEmbeddingDeadline(): boolean {
  return (scopes.getStore()?.missed ?? 0) > 0;
}

function wordsOnlyNote(): { engine: string; error: string } {
  return { engine: WORDS_ONLY_ENGINE, error: `no sentence vector within ${readEmbeddingDeadlineMs()} ms: ranked on words alone for this turn` };
}

/** Runs one engine call and reports whether it met the turn's deadline (and so decided on words alone). */
async function tracked<T>(call: () => Promise<T>): Promise<{ result: T; wordsOnly: boolean }> {
  const scope = scopes.getStore();
  const before = scope?.missed ?? 0;
  const result = await call();
  return { result, wordsOnly: scope !== undefined && scope.missed > before };
}

const noted = new WeakMap<Engines, Engines>();

/**
 * The engines, with each intent prediction and knowledge answer that ranked on words alone
 * because of the deadline carrying a `fallback` saying so (unless it carries one already). A
 * knowledge lookup that found nothing says so with an empty suggestion list, which the kb step
 * reads as "no answer" and records the note of (app/nodes/kb/behaviour.ts). Cached per engines
 * object: the compiled machines cache their engines by identity.
 */
export function withWordsOnlyNotes(engines: Engines): Engines {
  const cached = noted.get(engines);
  if (cached) return cached;
  const knowledge: Engines["knowledge"] = {
    search: (input) => engines.knowledge.search(input),
    answer: (async (input: Parameters<Engines["knowledge"]["answer"]>[0] & { suggest?: boolean }) => {
      const { result, wordsOnly } = await tracked<KbAnswer | KbSuggestions | null>(() => engines.knowledge.answer({ ...input, suggest: input.suggest ?? false }));
      if (!wordsOnly || result?.fallback) return result;
      return result ? { ...result, fallback: wordsOnlyNote() } : { suggestions: [], fallback: wordsOnlyNote() };
    }) as Engines["knowledge"]["answer"],
  };
  const wrapped: Engines = {
    ...engines,
    intents: {
      classify: async (input): Promise<IntentPrediction> => {
        const { result, wordsOnly } = await tracked(() => engines.intents.classify(input));
        return wordsOnly && !result.fallback ? { ...result, fallback: wordsOnlyNote() } : result;
      },
    },
    knowledge,
  };
  noted.set(engines, wrapped);
  return wrapped;
}
