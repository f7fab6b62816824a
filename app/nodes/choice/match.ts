/**
 * Matches what the customer typed (or tapped) to one of the offered options: the label itself,
 * its number ("2", "option 2"), an ordinal ("the second one", "last"), a label inside a longer
 * sentence, or a near spelling ("delivred"). Only one clear winner counts: an answer that fits
 * two options equally is no answer (the step asks again).
 */
import { normaliseText } from "../shared/normalise";

const ORDINALS: Record<string, number> = {
  first: 1, "1st": 1, one: 1, second: 2, "2nd": 2, two: 2, third: 3, "3rd": 3, three: 3, fourth: 4, "4th": 4, four: 4,
  fifth: 5, "5th": 5, five: 5, sixth: 6, "6th": 6, six: 6, seventh: 7, "7th": 7, seven: 7, eighth: 8, "8th": 8, eight: 8,
  ninth: 9, "9th": 9, nine: 9, tenth: 10, "10th": 10, ten: 10,
  primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, premier: 1, premiere: 1, deuxieme: 2, troisieme: 3,
  erste: 1, ersten: 1, zweite: 2, zweiten: 2, dritte: 3, dritten: 3,
};
const LAST = new Set(["last", "ultimo", "ultima", "dernier", "derniere", "letzte", "letzten"]);
const FILLER = new Set(["the", "one", "option", "number", "no", "choice", "please", "i", "want", "id", "like", "take", "pick", "choose", "el", "la", "le", "die", "der", "das", "o", "a"]);

function words(text: string): string[] {
  return normaliseText(text).replace(/[#.,!?]/g, " ").split(/\s+/).filter(Boolean);
}

/** Edit distance with transpositions, capped: only small distances matter here. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Close enough for a typo: one edit in words of 4–7 letters, two in longer ones. */
function similar(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (word.length < 4) return false;
  return distance(typed, word) <= (word.length >= 8 ? 2 : 1);
}

function byPosition(answer: string[], count: number): number | null {
  const meaningful = answer.filter((word) => !FILLER.has(word));
  if (meaningful.length !== 1) return null;
  const [word] = meaningful;
  if (LAST.has(word)) return count - 1;
  const number = /^\d+$/.test(word) ? Number(word) : ORDINALS[word];
  return number !== undefined && number >= 1 && number <= count ? number - 1 : null;
}

/** Share of the label's words the answer contains (exactly or nearly). */
function coverage(answer: string[], label: string[]): number {
  if (label.length === 0) return 0;
  const found = label.filter((word) => answer.some((typed) => similar(typed, word))).length;
  return found / label.length;
}

/** The index of the chosen option, or null when the answer picks none (or several). */
export function matchChoice(text: string, labels: string[]): number | null {
  const answer = words(text);
  if (answer.length === 0) return null;
  const normalisedLabels = labels.map((label) => words(label));
  const exact = normalisedLabels.findIndex((label) => label.join(" ") === answer.join(" "));
  if (exact !== -1) return exact;
  const position = byPosition(answer, labels.length);
  if (position !== null) return position;
  const scores = normalisedLabels.map((label) => coverage(answer, label));
  const best = Math.max(...scores);
  if (best < 1 && !(best >= 0.5 && normalisedLabels[scores.indexOf(best)].length >= 2)) return null;
  const winners = scores.filter((score) => score === best);
  return winners.length === 1 ? scores.indexOf(best) : null;
}
