/**
 * The small-flow evaluation behind `npm run -s nlu -- small-flows`: what a support lead gets
 * from an intent step with 2 to 6 intents of 6 phrases each, at the step's default threshold,
 * tuned for nothing. Each trial draws its intents and their phrases from the train file and
 * sends the step the test file's phrases of those intents (in scope: routed right or not) and,
 * as a third of the messages, unrelated ones: the test file's out-of-scope rows and phrases of
 * intents the trial does not list (taken as an intent or not).
 *
 * Intents are split by the first letter of their name, a–m and n–z, and trials draw from one half
 * at a time: every constant of the classifier was chosen on a–m intents, so n–z is what it never
 * saw. Trials are seeded: two runs, and every classifier in a run, see the same trials.
 */
import { reliability } from "./reliability";
import { halfOf, OUT_OF_SCOPE, percentile, timed, type EvalClassifier, type LabelledRow, type Timings } from "./intent-eval";
import type { IntentDefinition, RankedIntent } from "../types";
import { intentsToOffer, MAX_OFFERED_INTENTS } from "~/nodes/intent/offer";

export type SmallFlowOptions = { sizes: number[]; examples: number; trials: number; threshold: number; seed: number };
// 30 trials per size (was 10): with 1,500 unrelated messages per half the standard error of a 4 %
// "taken" share is 0.5 points, as large as the changes being measured; 4,500 bring it to 0.3.
export const DEFAULT_SMALL_FLOW_OPTIONS: Omit<SmallFlowOptions, "threshold"> = { sizes: [2, 3, 4, 6], examples: 6, trials: 30, seed: 1 };

export type Half = ReturnType<typeof halfOf>;

type Message = { text: string; intent: string; inScope: boolean };
export type Trial = { half: Half; size: number; intents: IntentDefinition[]; messages: Message[] };

export type SmallFlowScore = {
  /** In-scope messages sent to their own intent at the threshold. */
  routedRight: number;
  /** Unrelated messages sent to any intent at the threshold. */
  unrelatedTaken: number;
  ece: number;
  inScope: number;
  unrelated: number;
  /**
   * Unrelated messages taken, by where they come from: out-of-scope rows, phrases of intents of
   * the trial's own half, of the other half (for n–z trials: intents everything was tuned on).
   */
  unrelatedTakenBySource: Record<UnrelatedSource, number>;
  /**
   * In-scope messages not routed right, as fractions of the in-scope ones: sent to another intent,
   * or "Not sure" with their own intent ranked first (only the confidence fell short) or not.
   */
  inScopeMissed: Record<InScopeMiss, number>;
};

export type UnrelatedSource = "oos" | "sameHalf" | "otherHalf";
export type InScopeMiss = "wrongIntent" | "notSureTopRight" | "notSureTopWrong";

/**
 * "Did you mean…?" at one floor, as fractions of the half's in-scope or unrelated messages. The
 * simulated customer taps their own intent when it is offered and declines any other offer.
 */
export type OfferScore = {
  floor: number;
  /** In-scope messages not taken at once whose own intent was offered: routed right after the tap. */
  routedRightAfterOffer: number;
  /** In-scope messages offered choices without their own intent among them (declined: "Not sure"). */
  inScopeOfferedWithoutOwn: number;
  unrelatedOffered: number;
  /** Unrelated messages routed to an intent after the offer: none of the offered intents is theirs, so the customer declines. */
  unrelatedTakenAfterOffer: number;
};

/** The floors tried, on the form's 5 % steps below the default threshold. */
export const OFFER_FLOOR_STEPS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];
/** The rule, fixed before n–z was looked at: the lowest floor at which at most this share of a–m unrelated messages is offered choices. */
export const MAX_UNRELATED_OFFERED = 0.15;
export const OFFER_RULE = `the lowest 0.05 step at which at most ${MAX_UNRELATED_OFFERED * 100} % of a-m unrelated messages are offered choices`;

export function chooseOfferFloor(sweep: OfferScore[]): number | null {
  return sweep.find((score) => score.unrelatedOffered <= MAX_UNRELATED_OFFERED)?.floor ?? null;
}

export type SmallFlowResult = {
  name: string;
  halves: Record<Half, SmallFlowScore & { bySize: Record<string, SmallFlowScore> }>;
  /** For a classifier that ranks every intent: the floor chosen on a–m by OFFER_RULE (its sweep), and both halves at it. n–z is scored at that floor only. */
  offer?: { rule: string; sweepAM: OfferScore[]; chosenFloor: number | null; atChosenFloor: Partial<Record<Half, OfferScore>> };
  /** Per message, wall clock and CPU time of this process (the encoder's worker thread included). */
  p50Ms: number;
  p99Ms: number;
  p50CpuMs: number;
  p99CpuMs: number;
};

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}

function pick<T>(items: T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

function group(rows: LabelledRow[]): Map<string, string[]> {
  const byIntent = new Map<string, string[]>();
  for (const row of rows) byIntent.set(row.intent, [...(byIntent.get(row.intent) ?? []), row.text]);
  return byIntent;
}

export function drawTrials(train: LabelledRow[], test: LabelledRow[], options: Omit<SmallFlowOptions, "threshold">): Trial[] {
  const random = seeded(options.seed);
  const trainByIntent = group(train);
  const testByIntent = group(test);
  const outOfScope = testByIntent.get(OUT_OF_SCOPE) ?? [];
  const names = [...trainByIntent.keys()].filter((name) => name !== OUT_OF_SCOPE && (trainByIntent.get(name)?.length ?? 0) >= options.examples);
  const trials: Trial[] = [];
  for (const half of ["a-m", "n-z"] as const) {
    const pool = names.filter((name) => halfOf(name) === half && testByIntent.has(name));
    for (const size of options.sizes) {
      if (pool.length < size) continue;
      for (let n = 0; n < options.trials; n++) {
        const chosen = pick(pool, size, random);
        const intents = chosen.map((name) => ({ name, examples: pick(trainByIntent.get(name)!, options.examples, random) }));
        const inScope = chosen.flatMap((name) => testByIntent.get(name)!.map((text) => ({ text, intent: name, inScope: true })));
        // Unrelated messages are a third of what the step receives: half out-of-scope rows, half other intents' phrases.
        const others = names.filter((name) => !chosen.includes(name) && testByIntent.has(name)).flatMap((name) => testByIntent.get(name)!.map((text) => ({ text, intent: name })));
        const quarter = Math.ceil(inScope.length / 4);
        const unrelated = [
          ...pick(outOfScope, quarter, random).map((text) => ({ text, intent: OUT_OF_SCOPE, inScope: false })),
          ...pick(others, quarter, random).map((row) => ({ ...row, inScope: false })),
        ];
        trials.push({ half, size, intents, messages: [...inScope, ...unrelated] });
      }
    }
  }
  return trials;
}

/** `top`: the best intent is the message's own (what its confidence claims, whatever the threshold). */
type Outcome = {
  intent: string;
  inScope: boolean;
  right: boolean;
  taken: boolean;
  top: boolean;
  confidence: number;
  /** The best few intents (enough for any offer), when the classifier ranks them. */
  ranked: RankedIntent[] | null;
  size: number;
  half: Half;
  source: UnrelatedSource | null;
};

function sourceOf(message: Message, half: Half): UnrelatedSource | null {
  if (message.inScope) return null;
  if (message.intent === OUT_OF_SCOPE) return "oos";
  return halfOf(message.intent) === half ? "sameHalf" : "otherHalf";
}

function score(outcomes: Outcome[]): SmallFlowScore {
  const inScope = outcomes.filter((outcome) => outcome.inScope);
  const unrelated = outcomes.filter((outcome) => !outcome.inScope);
  return {
    routedRight: inScope.filter((outcome) => outcome.right).length / Math.max(1, inScope.length),
    unrelatedTaken: unrelated.filter((outcome) => outcome.taken).length / Math.max(1, unrelated.length),
    ece: reliability(outcomes.map((outcome) => ({ confidence: outcome.confidence, correct: outcome.top ? 1 : 0 }))).ece,
    inScope: inScope.length,
    unrelated: unrelated.length,
    unrelatedTakenBySource: Object.fromEntries(
      (["oos", "sameHalf", "otherHalf"] as const).map((source) => {
        const from = unrelated.filter((outcome) => outcome.source === source);
        return [source, from.filter((outcome) => outcome.taken).length / Math.max(1, from.length)];
      }),
    ) as Record<UnrelatedSource, number>,
    inScopeMissed: {
      wrongIntent: share(inScope, (outcome) => outcome.taken && !outcome.top),
      notSureTopRight: share(inScope, (outcome) => !outcome.taken && outcome.top),
      notSureTopWrong: share(inScope, (outcome) => !outcome.taken && !outcome.top),
    },
  };
}

function scoreOffer(outcomes: Outcome[], floor: number): OfferScore {
  const inScope = outcomes.filter((outcome) => outcome.inScope);
  const unrelated = outcomes.filter((outcome) => !outcome.inScope);
  const offered = (outcome: Outcome) => (outcome.taken ? [] : intentsToOffer(outcome.ranked ?? [], (outcome.ranked ?? []).map((intent) => intent.name), floor));
  const tapsOwn = (outcome: Outcome) => offered(outcome).some((intent) => intent.name === outcome.intent);
  return {
    floor,
    routedRightAfterOffer: share(inScope, tapsOwn),
    inScopeOfferedWithoutOwn: share(inScope, (outcome) => offered(outcome).length > 0 && !tapsOwn(outcome)),
    unrelatedOffered: share(unrelated, (outcome) => offered(outcome).length > 0),
    unrelatedTakenAfterOffer: share(unrelated, tapsOwn),
  };
}

/** The a–m sweep, the floor the rule picks on it, and each half at that floor: n–z is never swept. */
function scoreOffers(outcomes: Outcome[]): SmallFlowResult["offer"] {
  if (outcomes.some((outcome) => outcome.ranked === null)) return undefined;
  const inHalf = (half: Half) => outcomes.filter((outcome) => outcome.half === half);
  const sweepAM = OFFER_FLOOR_STEPS.map((floor) => scoreOffer(inHalf("a-m"), floor));
  const chosenFloor = chooseOfferFloor(sweepAM);
  const atChosenFloor = chosenFloor === null ? {} : { "a-m": scoreOffer(inHalf("a-m"), chosenFloor), "n-z": scoreOffer(inHalf("n-z"), chosenFloor) };
  return { rule: OFFER_RULE, sweepAM, chosenFloor, atChosenFloor };
}

function share(outcomes: Outcome[], counted: (outcome: Outcome) => boolean): number {
  return outcomes.filter(counted).length / Math.max(1, outcomes.length);
}

/**
 * Runs every trial through one classifier. The confidence compared with the threshold (and in
 * the ECE, "right" = the message's own intent) is the classifier's own.
 */
export async function evaluateSmallFlows(classifier: EvalClassifier, trials: Trial[], threshold: number): Promise<SmallFlowResult> {
  const outcomes: Outcome[] = [];
  const timings: Timings = { wall: [], cpu: [] };
  for (const trial of trials) {
    await classifier.train(trial.intents);
    for (const message of trial.messages) {
      const { name, confidence, ranked } = await timed(timings, () => classifier.classify(message.text));
      const taken = name !== null && confidence >= threshold;
      const top = name === message.intent;
      const best = ranked ? [...ranked].sort((a, b) => b.confidence - a.confidence).slice(0, MAX_OFFERED_INTENTS) : null;
      outcomes.push({ intent: message.intent, inScope: message.inScope, right: taken && top, taken, top, confidence, ranked: best, size: trial.size, half: trial.half, source: sourceOf(message, trial.half) });
    }
  }
  const wall = timings.wall.sort((a, b) => a - b);
  const cpu = timings.cpu.sort((a, b) => a - b);
  const halves = Object.fromEntries(
    (["a-m", "n-z"] as const).map((half) => {
      const inHalf = outcomes.filter((outcome) => outcome.half === half);
      const sizes = [...new Set(inHalf.map((outcome) => outcome.size))];
      return [half, { ...score(inHalf), bySize: Object.fromEntries(sizes.map((size) => [String(size), score(inHalf.filter((outcome) => outcome.size === size))])) }];
    }),
  ) as SmallFlowResult["halves"];
  const offer = scoreOffers(outcomes);
  return { name: classifier.name, halves, ...(offer ? { offer } : {}), p50Ms: percentile(wall, 0.5), p99Ms: percentile(wall, 0.99), p50CpuMs: percentile(cpu, 0.5), p99CpuMs: percentile(cpu, 0.99) };
}
