/**
 * The demo history's customer at a "Detect intent" step: one of an intent's own example phrases
 * (the earlier intents more often), or now and then something vague the step is not sure about;
 * offered "Did you mean…?", mostly the first button.
 */
import { offeredChoices, VAGUE_LINES, type DemoBehaviour } from "../shared/demo";
import { intentLabel, type IntentData } from "./schema";

const VAGUE_CHANCE = 0.12;
const TAKES_FIRST_OFFER_CHANCE = 0.7;

export const intentDemo: DemoBehaviour<IntentData> = {
  reply: ({ data, random, botLines }) => {
    // Buttons of this step's offer: every one but the last ("Something else") is one of its intents.
    const offered = offeredChoices(botLines);
    const labels = new Set(data.intents.map((intent) => intentLabel(intent.name)));
    if (offered.length >= 2 && offered.slice(0, -1).every((choice) => labels.has(choice))) return random.chance(TAKES_FIRST_OFFER_CHANCE) ? offered[0] : offered[offered.length - 1];
    const candidates = data.intents.filter((intent) => intent.examples.length > 0);
    if (candidates.length === 0 || random.chance(VAGUE_CHANCE)) return random.pick(VAGUE_LINES);
    const intent = random.weighted(candidates, (_, index) => 1 / (index + 1.3));
    return random.pick(intent.examples);
  },
};
