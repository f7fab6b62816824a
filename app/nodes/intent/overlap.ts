/**
 * Example phrases that two intents share, or nearly share: the classifier cannot tell those
 * intents apart on them, so a customer who says one gets either intent at low confidence. Pure
 * word overlap (this runs in the builder as the lead types, for every intent pair), which finds
 * copy-pasted and lightly edited phrases; intents that only mean similar things are what the
 * "test phrases" box shows.
 */

/** Share of words two phrases have in common (Jaccard) from which they count as the same phrase. */
const NEAR_DUPLICATE = 0.8;

/** `identical`: the same words (case and punctuation aside). */
export type IntentOverlap = { first: number; second: number; firstPhrase: string; secondPhrase: string; identical: boolean };

function words(phrase: string): Set<string> {
  return new Set(
    phrase
      .toLowerCase()
      .replace(/['’]/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== ""),
  );
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** One overlap per pair of intents (the first pair of phrases found), in intent order. */
export function findIntentOverlaps(intents: { examples: string[] }[]): IntentOverlap[] {
  const phrases = intents.map((intent) => intent.examples.filter((example) => example.trim() !== "").map((example) => ({ example, words: words(example) })));
  const overlaps: IntentOverlap[] = [];
  for (let first = 0; first < phrases.length; first++) {
    for (let second = first + 1; second < phrases.length; second++) {
      const pair = findPair(phrases[first], phrases[second]);
      if (pair) overlaps.push({ first, second, firstPhrase: pair[0].example, secondPhrase: pair[1].example, identical: similarity(pair[0].words, pair[1].words) === 1 });
    }
  }
  return overlaps;
}

type Phrase = { example: string; words: Set<string> };

function findPair(a: Phrase[], b: Phrase[]): [Phrase, Phrase] | null {
  for (const x of a) for (const y of b) if (similarity(x.words, y.words) >= NEAR_DUPLICATE) return [x, y];
  return null;
}
