/**
 * Where the kb step's answers go wrong at the default minScore, out of fold (issue 15): written by
 * bench/fit-kb-confidence.ts next to kb-fit.json as bench/results/kb-breakdown.json.
 *
 * Answerable questions refused are split by what ranked first — the right article but too unsure
 * ("right but unsure": only the confidence fell short) or a wrong one (the ranking fell short) —
 * and unanswerable questions answered by what they were: a NEAR MISS shares most of its words
 * with the article it was answered from (the cited article covers ≥ half of the question's
 * IDF-weighted words), an OFF-TOPIC one does not. For the confident ones, the features that pushed
 * the score up most (weight × standardised value in the fold's model), and for every feature how
 * well the first answer's value tells right answers from unanswerable questions (AUROC; 0.5 = not
 * at all), which is what the abstention needs.
 */
import type { Domain, Group, Judged, Linear } from "./fit-kb-confidence";

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const share = (part: number, whole: number) => round(part / Math.max(1, whole));
const NEAR_MISS_COVERAGE = 0.5;

type Row = { group: Group; judged: Judged; model: Linear };

function contributions(row: Row): number[] {
  const x = row.group.features[row.judged.top];
  return x.map((value, i) => (row.model.weights[i] * (value - row.model.mean[i])) / row.model.scale[i]);
}

function topContributions(row: Row, count: number, names: string[]): Record<string, number> {
  const c = contributions(row);
  const order = c.map((_, i) => i).sort((a, b) => c[b] - c[a]);
  return Object.fromEntries(order.slice(0, count).map((i) => [names[i], round(c[i])]));
}

/** P(a random positive's value > a random negative's), ties counted half. */
function auroc(positives: number[], negatives: number[]): number {
  if (!positives.length || !negatives.length) return 0.5;
  const all = [...positives.map((value) => ({ value, positive: true })), ...negatives.map((value) => ({ value, positive: false }))].sort((a, b) => a.value - b.value);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].value === all[i].value) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k].positive) rankSum += rank;
    i = j;
  }
  return round((rankSum - (positives.length * (positives.length + 1)) / 2) / (positives.length * negatives.length));
}

/** `names`: the feature names in the order of a group's features (RERANK_FEATURES, then any tried ones). */
function summarise(rows: Row[], minScore: number, titles: Map<string, string>, names: string[]) {
  const coverage = names.indexOf("coverage");
  const answered = (row: Row) => row.judged.p >= minScore;
  const answerable = rows.filter((row) => row.judged.answerable);
  const unanswerable = rows.filter((row) => !row.judged.answerable);
  const refused = answerable.filter((row) => !answered(row));
  const rightFirst = refused.filter((row) => row.judged.rightAt === 0);
  const wrongFirst = refused.filter((row) => row.judged.rightAt !== 0);
  const nearMiss = (row: Row) => row.group.features[row.judged.top][coverage] >= NEAR_MISS_COVERAGE;
  const unanswerableAnswered = unanswerable.filter(answered);
  const band = (list: Row[], low: number, high: number) => share(list.filter((row) => row.judged.p >= low && row.judged.p < high).length, answerable.length);
  const rightCorrect = answerable.filter((row) => row.judged.rightAt === 0);
  // For every feature: does the first answer's value tell a right first answer from an unanswerable question?
  const separation = Object.fromEntries([
    ["confidence", { rightFirst: auroc(rightCorrect.map((row) => row.judged.p), unanswerable.map((row) => row.judged.p)), nearMisses: auroc(rightCorrect.map((row) => row.judged.p), unanswerable.filter(nearMiss).map((row) => row.judged.p)) }],
    ...names.map((name, i) => {
      const value = (row: Row) => row.group.features[row.judged.top][i];
      return [name, { rightFirst: auroc(rightCorrect.map(value), unanswerable.map(value)), nearMisses: auroc(rightCorrect.map(value), unanswerable.filter(nearMiss).map(value)) }];
    }),
  ]);
  const meanContribution = (list: Row[]) => {
    const sums = new Array<number>(names.length).fill(0);
    for (const row of list) contributions(row).forEach((c, i) => (sums[i] += c / list.length));
    return sums;
  };
  const [answeredRightMean, unanswerableMean, unsureMean] = [answerable.filter((row) => answered(row) && row.judged.correct === 1), unanswerableAnswered, rightFirst].map(meanContribution);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    answeredRight: share(answerable.filter((row) => answered(row) && row.judged.correct === 1).length, answerable.length),
    answeredWrong: share(answerable.filter((row) => answered(row) && row.judged.correct === 0).length, answerable.length),
    refused: share(refused.length, answerable.length),
    refusedRightFirst: share(rightFirst.length, answerable.length),
    refusedWrongFirst: share(wrongFirst.length, answerable.length),
    refusedWrongFirstRightInTop3: share(wrongFirst.filter((row) => row.judged.rightAt > 0 && row.judged.rightAt < 3).length, answerable.length),
    refusedRightFirstByConfidence: { [`0.6–${minScore}`]: band(rightFirst, 0.6, minScore), "0.4–0.6": band(rightFirst, 0.4, 0.6), "below 0.4": band(rightFirst, 0, 0.4) },
    unanswerableAnswered: share(unanswerableAnswered.length, unanswerable.length),
    nearMisses: unanswerable.filter(nearMiss).length,
    nearMissesAnswered: share(unanswerableAnswered.filter(nearMiss).length, unanswerable.filter(nearMiss).length),
    offTopicAnswered: share(unanswerableAnswered.filter((row) => !nearMiss(row)).length, unanswerable.filter((row) => !nearMiss(row)).length),
    // Mean contribution to the first answer's score: unanswerable answered and right-but-unsure, each against answered right.
    contributionVsAnsweredRight: Object.fromEntries(
      names.map((name, i) => [name, { unanswerableAnswered: round(unanswerableMean[i] - answeredRightMean[i]), refusedRightFirst: round(unsureMean[i] - answeredRightMean[i]) }]).sort(
        (a, b) => Math.abs((b[1] as { refusedRightFirst: number }).refusedRightFirst) - Math.abs((a[1] as { refusedRightFirst: number }).refusedRightFirst),
      ),
    ),
    separation,
    unanswerableAnsweredQuestions: unanswerableAnswered
      .sort((a, b) => b.judged.p - a.judged.p)
      .map((row) => ({
        question: row.group.question,
        source: row.group.source,
        kind: nearMiss(row) ? "near miss" : "off-topic",
        answeredFrom: titles.get(row.group.ids[row.judged.top]) ?? row.group.ids[row.judged.top],
        confidence: round(row.judged.p),
        coverage: round(row.group.features[row.judged.top][coverage]),
        mostConfidentBy: topContributions(row, 3, names),
      })),
  };
}

/** The breakdown, pooled and per domain; `models[fold]` scored the questions of that fold. */
export function kbBreakdown(groups: Group[], judged: Judged[], models: Linear[], minScore: number, titles: Map<string, string>, features: string[]) {
  const rows: Row[] = groups.map((group, i) => ({ group, judged: judged[i], model: models[group.fold] }));
  const domains: Domain[] = ["demo", "stackfaq"];
  return {
    about: `Out of fold (5-fold cross-validation grouped by article: each question scored by the models fitted without its article) at minScore ${minScore}, plain knowledge bases (no example questions). Fractions of answerable questions, except unanswerableAnswered / nearMissesAnswered / offTopicAnswered (of those unanswerable ones). refusedRightFirst: refused with the right article ranked first (only the confidence fell short); refusedWrongFirst: a wrong article first. A near miss: an unanswerable question the cited article covers ≥ ${NEAR_MISS_COVERAGE} of (IDF-weighted words, 'coverage'); off-topic otherwise. contributionVsAnsweredRight: a feature's mean contribution to the first answer's score (weight × standardised value) in that group minus in the answered-right group (negative: it holds those back). separation: AUROC of the first answer's feature value, right first answers vs unanswerable questions (all / near misses only).`,
    minScore,
    pooled: summarise(rows, minScore, titles, features),
    ...Object.fromEntries(domains.map((domain) => [domain, summarise(rows.filter((row) => row.group.domain === domain), minScore, titles, features)])),
  };
}
