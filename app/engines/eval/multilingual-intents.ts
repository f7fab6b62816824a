/**
 * How the embedded intent model does on intent steps written in English, Spanish, French and
 * German (tests/fixtures/nlu/multilingual-intents.json): trained on a step's six phrases per
 * intent, asked the dev or the held-out test phrases and unrelated messages, at the intent step's
 * threshold. Lexical evidence alone, as the classifier answers for every language but English
 * (the sentence encoder is English-only). `analysis: "en"` is the baseline: every language
 * analysed with the English tokens and stemmer, as before the engines knew other languages.
 * `encoder`: the phrases and messages are embedded and the evidence fused, as for an English
 * step — what feeding another language to the English encoder would do (measured, not shipped).
 */
import { z } from "zod";
import { LANGUAGE_CODES, type LanguageCode } from "../detect-language";
import { attachSemantic, rankIntents, scoreIntents, trainIntentModel } from "../local/intent-model";
import type { SentenceEncoder } from "../local/sentence-encoder.server";
import { readJsonFile } from "./json-file";
import { reliability } from "./reliability";

const PhrasesSchema = z.array(z.string().min(1));
const LanguageSetSchema = z.object({
  intents: z.array(z.object({ name: z.string(), train: PhrasesSchema, dev: PhrasesSchema, test: PhrasesSchema })).min(2),
  unrelated: z.object({ dev: PhrasesSchema, test: PhrasesSchema }),
});
export const MultilingualSetSchema = z.object({ languages: z.partialRecord(z.enum(LANGUAGE_CODES), LanguageSetSchema) });
export type MultilingualSet = z.infer<typeof MultilingualSetSchema>;

export type MultilingualPart = "dev" | "test";

export type LanguageResult = {
  language: LanguageCode;
  /** The language the model analysed the phrases in (detected from them unless forced). */
  analysedAs: LanguageCode;
  /** Top intent right, whatever its confidence. */
  top1: number;
  /** In-scope messages that took the right intent at the threshold. */
  routedRight: number;
  /** Unrelated messages that took an intent at the threshold. */
  unrelatedTaken: number;
  /** Calibration error of the top confidence (unrelated messages are never right). */
  ece: number;
  messages: number;
};

export function readMultilingualSet(file: string): MultilingualSet {
  return readJsonFile(file, MultilingualSetSchema);
}

export async function evaluateLanguage(
  set: MultilingualSet,
  language: LanguageCode,
  options: { part: MultilingualPart; threshold: number; analysis?: LanguageCode; encoder?: SentenceEncoder },
): Promise<LanguageResult> {
  const data = set.languages[language];
  if (!data) throw new Error(`no ${language} phrases in the set`);
  const lexical = trainIntentModel(
    data.intents.map((intent) => ({ name: intent.name, examples: intent.train })),
    options.analysis ? { language: options.analysis } : {},
  );
  const asked = [
    ...data.intents.flatMap((intent) => intent[options.part].map((text) => ({ text, gold: intent.name as string | null }))),
    ...data.unrelated[options.part].map((text) => ({ text, gold: null })),
  ];
  let model = lexical;
  let vectors: Float32Array[] = [];
  if (options.encoder) {
    const phrases = await options.encoder.embed(data.intents.flatMap((intent) => intent.train));
    let cursor = 0;
    model = attachSemantic(lexical, data.intents.map((intent) => intent.train.map(() => phrases[cursor++])));
    vectors = await options.encoder.embed(asked.map(({ text }) => text));
  }
  let inScope = 0;
  let top1 = 0;
  let routedRight = 0;
  let unrelated = 0;
  let unrelatedTaken = 0;
  const outcomes = asked.map(({ text, gold }, position) => {
    const [best] = rankIntents(scoreIntents(model, text, vectors[position]));
    const taken = best.confidence >= options.threshold;
    if (gold === null) {
      unrelated += 1;
      if (taken) unrelatedTaken += 1;
    } else {
      inScope += 1;
      if (best.name === gold) top1 += 1;
      if (taken && best.name === gold) routedRight += 1;
    }
    return { confidence: best.confidence, correct: best.name === gold ? 1 : 0 };
  });
  return {
    language,
    analysedAs: model.space.language,
    top1: top1 / inScope,
    routedRight: routedRight / inScope,
    unrelatedTaken: unrelated ? unrelatedTaken / unrelated : 0,
    ece: reliability(outcomes).ece,
    messages: asked.length,
  };
}
