/**
 * How the embedded engines analyse Spanish, French, German and Portuguese words: the Snowball
 * (Porter) stemmers and the Spanish, French and Portuguese stop-word lists that ship inside the
 * `natural` npm package. natural has no German list of its own (it uses stopwords-iso, whose
 * 620 words include "zurück", "Zeit" and "Tage" — what support questions are about), so German
 * function words are a short list of ours, like English's (text.ts, with wink-nlp's Porter2
 * stemmer). Nothing is downloaded.
 *
 * Stems are computed on the word WITH its accents (Snowball's suffix rules are written with
 * them: "devolución" → "devolu") and folded afterwards, so "envío" and "envio" meet. A customer
 * who leaves the accent off a suffix the rules need ("devolucion") gets the accent back first.
 */
import stemmerEs from "natural/lib/natural/stemmers/porter_stemmer_es.js";
import stemmerFr from "natural/lib/natural/stemmers/porter_stemmer_fr.js";
import stemmerDe from "natural/lib/natural/stemmers/porter_stemmer_de.js";
import stemmerPt from "natural/lib/natural/stemmers/porter_stemmer_pt.js";
import { words as stopWordsEs } from "natural/lib/natural/util/stopwords_es.js";
import { words as stopWordsFr } from "natural/lib/natural/util/stopwords_fr.js";
import { words as stopWordsPt } from "natural/lib/natural/util/stopwords_pt.js";
import type { LanguageCode } from "../detect-language";

export type OtherLanguage = Exclude<LanguageCode, "en">;

export type LanguageAnalyser = {
  /** The word's stem, accents folded. */
  stem: (word: string) => string;
  /** Function words, with and without accents. */
  stopWords: Set<string>;
  /** The words in one lower-cased token: elisions split off ("l'adresse" → "adresse"), ß spelled ss. */
  words: (token: string) => string[];
};

const DIACRITIC = /\p{M}+/gu;
export const foldAccents = (text: string) => text.normalize("NFKD").replace(DIACRITIC, "");

const withFolded = (words: string[]) => new Set(words.flatMap((word) => [word.toLowerCase(), foldAccents(word.toLowerCase())]));

/**
 * Endings repaired before stemming: suffixes the stemmers only recognise with their accent,
 * restored when a customer typed them bare, and Portuguese "-ões" plurals, which natural's
 * Portuguese stemmer leaves apart from their "-ão" singular ("devoluções" / "devolução").
 */
const SUFFIX_REPAIRS: Record<OtherLanguage, Array<[RegExp, string]>> = {
  es: [[/cion$/, "ción"], [/sion$/, "sión"]],
  pt: [[/(?:ões|oes|ao)$/, "ão"]],
  fr: [],
  de: [],
};

// French and Portuguese write elided articles and pronouns onto the next word; wink's English
// tokeniser keeps "l'article" whole, and a customer's "j'ai" should meet "ai".
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;

function analyser(language: OtherLanguage, stemmer: { stem: (word: string) => string }, stopWords: string[]): LanguageAnalyser {
  const suffixes = SUFFIX_REPAIRS[language];
  return {
    stem: (word) => {
      let accented = word;
      for (const [bare, accentedSuffix] of suffixes) accented = accented.replace(bare, accentedSuffix);
      return foldAccents(stemmer.stem(accented));
    },
    stopWords: withFolded(stopWords),
    words: (token) => {
      const word = (language === "de" ? token.replace(/ß/g, "ss") : token).replace(ELISION, "");
      // wink splits "geht's" into "geht" + "'s": the clitic alone carries no meaning.
      return word.startsWith("'") || word === "" ? [] : [word];
    },
  };
}

/** Articles, pronouns, auxiliaries, prepositions and conjunctions: words that name no topic. */
const GERMAN_STOP_WORDS = (
  "der die das den dem des ein eine einen einem einer eines ich du er sie es wir ihr mich mir dich dir uns euch sich " +
  "mein meine meinen meinem meiner meines dein deine ihr ihre ihren ihrem unser unsere euer eure sein seine " +
  "ist sind bin bist war waren habe hast hat haben hatte wird werden wurde wurden kann könnte muss soll will möchte " +
  "und oder aber doch auch noch schon nur so wie als wenn dass ob weil denn da hier dort " +
  "in im ins an am auf aus bei mit nach von vom zu zum zur für über unter vor um durch bis gegen ohne " +
  "nicht kein keine keinen keinem keiner ja nein bitte mal"
).split(" ");

export const LANGUAGE_ANALYSERS: Record<OtherLanguage, LanguageAnalyser> = {
  es: analyser("es", stemmerEs, stopWordsEs),
  fr: analyser("fr", stemmerFr, stopWordsFr),
  de: analyser("de", stemmerDe, GERMAN_STOP_WORDS),
  pt: analyser("pt", stemmerPt, stopWordsPt),
};
