/** A seeded random source for the generated demo history: the same seed gives the same history. */
import type { DemoRandom } from "~/nodes/shared/demo";

export type Random = DemoRandom;

export function createRandom(seed: number): Random {
  // mulberry32: tiny, fast and good enough for demo data.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items, weight) => {
      const weights = items.map(weight);
      let roll = next() * weights.reduce((sum, value) => sum + value, 0);
      for (let index = 0; index < items.length; index += 1) {
        roll -= weights[index];
        if (roll < 0) return items[index];
      }
      return items[items.length - 1];
    },
    logNormal: (median, spread) => {
      // Box–Muller for a standard normal draw.
      const u = Math.max(next(), 1e-9);
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(spread * normal);
    },
  };
  return random;
}
