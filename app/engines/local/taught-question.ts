/**
 * A question the support lead taught: the customer asks one of an article's example questions
 * ("Customers also ask") word for word — up to case, punctuation, spacing and contractions
 * ("what is your phone number" is "What's your phone number?"). The lead said which article
 * answers it, by writing it under the article or by "Add to an article…" from "Questions the bot
 * couldn't answer", so that article is the answer whatever the ranking's evidence says.
 *
 * Why a rule beside the model: the reranker's example term is fitted on paraphrases of example
 * questions, never on the questions themselves, and a strong word match elsewhere outweighed it —
 * "What's your phone number?", taught to "Store hours and how to contact us", went to "Update your
 * name, address or phone number" at 73 %, while the unanswered list said the bot answers it now.
 */
import type { KnowledgeIndex } from "./knowledge-index";

/**
 * The confidence of a taught answer. Not 1: the lead's mapping is as sure as Baton gets, but an
 * article can be edited after it was taught, and "100 %" is kept for nothing.
 */
export const TAUGHT_CONFIDENCE = 0.99;

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan't\b|\bcannot\b/g, "can not"],
  [/\bwon't\b/g, "will not"],
  [/n't\b/g, " not"],
  [/'s\b/g, " is"],
  [/'re\b/g, " are"],
  [/'m\b/g, " am"],
  [/'ve\b/g, " have"],
  [/'ll\b/g, " will"],
  [/'d\b/g, " would"],
];

/** The form two wordings of one question share: lower case, contractions spelled out, only letters and digits. */
export function questionMatchKey(text: string): string {
  let key = text.toLocaleLowerCase().replace(/[’‘`]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) key = key.replace(pattern, replacement);
  return key
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The in-scope articles with an example question the customer asked word for word, with that example. */
export function taughtAnswers(index: KnowledgeIndex, query: string, tags?: string[]): Array<{ id: string; example: string }> {
  const key = questionMatchKey(query);
  if (!key) return [];
  return index.ids(tags).flatMap((id) => {
    const example = index.get(id)?.questions?.find((question) => questionMatchKey(question) === key);
    return example === undefined ? [] : [{ id, example }];
  });
}
