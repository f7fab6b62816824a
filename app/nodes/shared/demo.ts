/**
 * How a kind takes part in the generated demo history (app/workspace/demo-history/): when a
 * conversation waits at one of its nodes, the scripted customer's next message. The flow itself
 * runs in the real runtime; only the customer (and the engines) are scripted.
 */

/** A seeded random source: the same seed gives the same history. */
export type DemoRandom = {
  next(): number;
  chance(probability: number): boolean;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly T[], weight: (item: T, index: number) => number): T;
  /** A log-normal duration: half of the draws are below `median`; `spread` widens the tail. */
  logNormal(median: number, spread: number): number;
};

export type DemoCustomer = { name: string | null; email: string | null };

export type DemoReplyArgs<D> = {
  data: D;
  random: DemoRandom;
  customer: DemoCustomer;
  /** What the bot said since the customer last wrote (its question and the buttons it offered). */
  botLines: Array<{ text: string; choices?: string[] }>;
};

export type DemoBehaviour<D> = {
  /** The scripted customer's message while the conversation waits at the node. */
  reply(args: DemoReplyArgs<D>): string;
};

/** Something a customer says that no step can use: a vague opener, a non-answer. */
export const VAGUE_LINES = ["I have a question about something", "it's about my thing", "hmm", "the website", "not sure", "it's the one from last week"];

/** The last buttons the bot offered, if any. */
export function offeredChoices(botLines: DemoReplyArgs<unknown>["botLines"]): string[] {
  return [...botLines].reverse().find((line) => line.choices?.length)?.choices ?? [];
}
