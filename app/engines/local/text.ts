/**
 * Text normalisation shared by the intent classifier and the knowledge index, so "Refunds",
 * "refunding" and "REFUND!" meet on the same stem everywhere. Stemming is the Porter2
 * (English) stemmer from wink-porter2-stemmer; tokens are Unicode letter/digit runs.
 */
import stemWord from "wink-porter2-stemmer";

const TOKEN = /[\p{L}\p{N}]+/gu;
const APOSTROPHE = /['’`´]/g;
const DIACRITIC = /\p{M}+/gu;

/** Lower-cased, accent-folded tokens; "what's" becomes "whats" rather than "what" + "s". */
export function tokenize(text: string): string[] {
  const folded = text.normalize("NFKD").replace(DIACRITIC, "").replace(APOSTROPHE, "").toLowerCase();
  return folded.match(TOKEN) ?? [];
}

// Stemming is the hot path of classification; a bounded memo keeps p99 well under a millisecond.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(token: string): string {
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(token) ? token : stemWord(token);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(token, stemmed);
  }
  return stemmed;
}

export function stemTokens(text: string): string[] {
  return tokenize(text).map(stem);
}

/**
 * English function words that carry no topic. Used by the knowledge index (BM25 over long
 * articles) but NOT by the intent classifier: in short utterances "how" vs "where" matters.
 */
export const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have i if in into is it its " +
    "me my of on or our so than that the their them then there these they this to was we were what when " +
    "which who will with would you your yours im ive id"
  ).split(" "),
);
