/**
 * Text normalisation shared by the intent classifier and the knowledge index, so "Refunds",
 * "refunding" and "REFUND!" meet on the same stem everywhere. Tokenising and normalising is
 * wink-nlp with its English model (wink-eng-lite-web-model, shipped inside the npm package:
 * nothing is downloaded): it splits "can't" into "can" + "not" and "what's" into "what" + "is",
 * keeps "e-mail" and "A-1234" whole, and types every token so punctuation and symbols drop out.
 * Stemming is the same Porter2 (English) stemmer wink uses, from wink-porter2-stemmer, applied
 * to the NORMAL form (wink's own `its.stem` stems the raw text: "n't", "123" → "12i").
 * The only thing done before wink is folding accents ("café" → "cafe"), which it keeps.
 * Sentence boundaries are wink's too (its `sbd` step knows "Co.", "e.g.", "U.S.", "$25.00").
 *
 * Spanish, French, German and Portuguese (`language`, default English) are tokenised by the same
 * wink tokeniser — it splits Latin-script text well whatever the language — and then analysed
 * with that language's stemmer and stop words (language-analysers.ts).
 */
import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import stemWord from "wink-porter2-stemmer";
import type { LanguageCode } from "../detect-language";
import { foldAccents, LANGUAGE_ANALYSERS } from "./language-analysers";

// Each pipeline is built on first use, not at import: building one unpacks the model (~0.3 s, over
// a second on a busy core), and most modules that import this one (everything that reaches the
// node registry) never tokenise.
let tokenPipeline: WinkMethods | undefined;
let sentencePipeline: WinkMethods | undefined;

/** Tokenisation only: sentence boundaries, POS tags and entities cost time and change no token. */
export function tokenNlp(): WinkMethods {
  tokenPipeline ??= winkNLP(model, []);
  return tokenPipeline;
}

/** A second pipeline for sentence boundaries, so the classifier's hot path stays tokens only. */
function sentenceNlp(): WinkMethods {
  sentencePipeline ??= winkNLP(model, ["sbd"]);
  return sentencePipeline;
}

/** Token types that carry meaning; punctuation, symbols, currency signs and emoji do not. */
const KEPT_TYPES = new Set(["word", "number", "email", "url", "hashtag", "mention", "ordinal"]);
const DIGITS = /^\p{N}+$/u;

/**
 * English: lower-cased, accent-folded, contraction-expanded tokens (wink-nlp's `normal`).
 * Other languages: lower-cased words with their accents (the stemmer needs them; `stem` folds).
 */
export function tokenize(text: string, language: LanguageCode = "en"): string[] {
  const english = language === "en";
  const nlp = tokenNlp();
  const tokens = nlp.readDoc(english ? foldAccents(text) : text.normalize("NFC")).tokens();
  const normals = tokens.out(nlp.its.normal) as string[];
  const types = tokens.out(nlp.its.type) as string[];
  const kept: string[] = [];
  for (let i = 0; i < normals.length; i++) {
    if (!KEPT_TYPES.has(types[i])) continue;
    if (english || types[i] !== "word") kept.push(normals[i]);
    else kept.push(...LANGUAGE_ANALYSERS[language].words(normals[i]));
  }
  return kept;
}

/**
 * The sentences of one paragraph of text, with wink's boundaries and two repairs for what it
 * splits that is not a sentence end: a boundary with no space (inside "threadsandco.com") and a
 * piece that starts in lower case (after a bold UI label ending in "?": "select Forgot
 * password? on the sign-in page"). An English sentence starts in upper case or with a digit.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let cursor = 0;
  for (const raw of sentenceNlp().readDoc(text).sentences().out() as string[]) {
    const piece = raw.trim();
    if (piece === "") continue;
    const at = text.indexOf(piece, cursor);
    const last = sentences.length - 1;
    if (last >= 0 && at === cursor) sentences[last] += piece;
    else if (last >= 0 && /^\p{Ll}/u.test(piece)) sentences[last] += ` ${piece}`;
    else sentences.push(piece);
    if (at >= 0) cursor = at + piece.length;
  }
  return sentences;
}

/** Content-word stems (stop words dropped): what the knowledge index and passage scoring compare. */
export function indexTerms(text: string, language: LanguageCode = "en"): string[] {
  const stopWords = stopWordsFor(language);
  return tokenize(text, language)
    .filter((token) => !stopWords.has(token))
    .map((token) => stem(token, language));
}

// Stemming is the hot path of classification; a bounded memo keeps p99 well under a millisecond.
// English tokens are their own keys (the common case stays one lookup); others carry the language.
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(token: string, language: LanguageCode = "en"): string {
  const key = language === "en" ? token : `${language}:${token}`;
  let stemmed = stemCache.get(key);
  if (stemmed === undefined) {
    if (DIGITS.test(token)) stemmed = token;
    else stemmed = language === "en" ? stemWord(token) : LANGUAGE_ANALYSERS[language].stem(token);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(key, stemmed);
  }
  return stemmed;
}

/** The language's function words (English: STOP_WORDS below). */
export function stopWordsFor(language: LanguageCode): ReadonlySet<string> {
  return language === "en" ? STOP_WORDS : LANGUAGE_ANALYSERS[language].stopWords;
}

/**
 * English function words that carry no topic. Used by the knowledge index (BM25 over long
 * articles) but NOT by the intent classifier: in short utterances "how" vs "where" matters.
 */
export const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have i if in into is it its " +
    "me my of on or our so than that the their them then there these they this to was we were what when " +
    "which who will with would you your yours im ive id am"
  ).split(" "),
);
