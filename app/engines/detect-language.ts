/**
 * Which language a customer writes in, from their recent messages: the share of each
 * language's most common short words (and a few letters only one language uses) among what
 * they typed. Small on purpose — it separates the languages Baton's own texts support; a
 * message too short or too mixed to tell ("ok", "10001") gives no answer rather than a guess.
 * Client-safe, and beside the engines because they use it too: an intent step's phrases and the
 * knowledge base's articles say which language the embedded engines analyse (languageOfTexts);
 * the language step re-exports it (nodes/language/detect.ts).
 */
export const LANGUAGE_CODES = ["en", "es", "fr", "de", "pt"] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const LANGUAGE_NAMES: Record<LanguageCode, string> = { en: "English", es: "Spanish", fr: "French", de: "German", pt: "Portuguese" };

const COMMON_WORDS: Record<LanguageCode, string[]> = {
  en: ["the", "is", "my", "i", "you", "it", "and", "to", "of", "a", "in", "where", "what", "how", "can", "not", "have", "this", "with", "order", "please", "hi", "hello", "thanks", "want", "need", "when", "did", "does", "your", "for", "was", "still"],
  es: ["el", "la", "los", "las", "es", "mi", "yo", "tu", "y", "de", "que", "en", "un", "una", "donde", "esta", "como", "por", "para", "pedido", "hola", "gracias", "quiero", "necesito", "no", "con", "cuando", "mis", "del", "ha", "todavia", "llegado"],
  fr: ["le", "la", "les", "est", "mon", "ma", "mes", "je", "vous", "et", "de", "que", "en", "un", "une", "ou", "comment", "pour", "commande", "bonjour", "merci", "veux", "besoin", "pas", "avec", "quand", "du", "des", "ai", "toujours", "recu"],
  de: ["der", "die", "das", "ist", "mein", "meine", "ich", "sie", "und", "zu", "von", "in", "ein", "eine", "wo", "wie", "nicht", "mit", "fur", "bestellung", "hallo", "danke", "will", "brauche", "wann", "noch", "habe", "bitte", "meiner"],
  pt: ["o", "a", "os", "as", "e", "meu", "minha", "eu", "voce", "de", "que", "em", "um", "uma", "onde", "esta", "como", "para", "pedido", "ola", "obrigado", "obrigada", "quero", "preciso", "nao", "com", "quando", "do", "da", "ainda", "chegou"],
};

// Looked up for every word of every training phrase (languageOfTexts): sets, not lists.
const COMMON_WORD_SETS: Record<LanguageCode, ReadonlySet<string>> = {
  en: new Set(COMMON_WORDS.en),
  es: new Set(COMMON_WORDS.es),
  fr: new Set(COMMON_WORDS.fr),
  de: new Set(COMMON_WORDS.de),
  pt: new Set(COMMON_WORDS.pt),
};

/** Letters only one of these languages writes (checked before accents are folded away). */
const LETTERS: Array<[RegExp, LanguageCode]> = [[/[ñ¿¡]/, "es"], [/[ãõ]/, "pt"], [/[ßäöü]/, "de"], [/[œçèêëùû]/, "fr"]];

const MIN_HITS = 2;

/** Lower-case, accents folded, punctuation as spaces: the words to look up. */
function wordsOf(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

export type LanguageGuess = { language: LanguageCode | null; scores: Record<LanguageCode, number> };

export function detectLanguage(messages: readonly string[], among: readonly LanguageCode[] = LANGUAGE_CODES): LanguageGuess {
  const scores = Object.fromEntries(LANGUAGE_CODES.map((code) => [code, 0])) as Record<LanguageCode, number>;
  for (const message of messages) {
    const lower = message.toLowerCase();
    for (const [letters, code] of LETTERS) if (letters.test(lower)) scores[code] += 1;
    for (const word of wordsOf(message)) for (const code of LANGUAGE_CODES) if (COMMON_WORD_SETS[code].has(word)) scores[code] += 1;
  }
  const ranked = [...among].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = ranked;
  const clear = best !== undefined && scores[best] >= MIN_HITS && (second === undefined || scores[best] > scores[second]);
  return { language: clear ? best : null, scores };
}

/**
 * The language a set of texts (an intent step's phrases, the knowledge base's articles) is
 * written in, for the engines. English unless the counts clearly say otherwise: the texts must
 * name another language AND its common words must outnumber English ones twice over, so an English intent set with a "la" or "de" in it (a place,
 * a product) keeps the English analysis the intent benchmarks were measured with. On CLINC150's
 * 150 English intents (3, 6, 10 and 50 phrases each) this never picks another language; with
 * two hits it took "goodbye, helpful ai device!" for French ("ai" is French for "have"); three
 * different common words are asked for.
 */
const MIN_OTHER_LANGUAGE_WORDS = 3;

// An evenly spread sample says the language as well as all of them: 15,100 CLINC150 phrases take ~75 ms, 300 ~2 ms.
const LANGUAGE_SAMPLE = 300;

export function languageOfTexts(all: readonly string[]): LanguageCode {
  const stride = Math.ceil(all.length / LANGUAGE_SAMPLE);
  const texts = stride > 1 ? all.filter((_, index) => index % stride === 0) : all;
  const { language, scores } = detectLanguage(texts);
  if (!language || language === "en" || scores[language] <= 2 * scores.en) return "en";
  // Different common words, not repeats: "la la land" is one French word, not two.
  const distinct = new Set(texts.flatMap(wordsOf).filter((word) => COMMON_WORD_SETS[language].has(word)));
  return distinct.size >= MIN_OTHER_LANGUAGE_WORDS ? language : "en";
}
