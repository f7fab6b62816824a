/**
 * The demo history's customer at a "Detect intent" step: one of an intent's own example phrases
 * (the earlier intents more often), or now and then something vague the step is not sure about.
 */
import { VAGUE_LINES, type DemoBehaviour } from "../shared/demo";
import type { IntentData } from "./schema";

const VAGUE_CHANCE = 0.12;

export const intentDemo: DemoBehaviour<IntentData> = {
  reply: ({ data, random }) => {
    const candidates = data.intents.filter((intent) => intent.examples.length > 0);
    if (candidates.length === 0 || random.chance(VAGUE_CHANCE)) return random.pick(VAGUE_LINES);
    const intent = random.weighted(candidates, (_, index) => 1 / (index + 1.3));
    return random.pick(intent.examples);
  },
};
