/**
 * The demo history's customer at a knowledge-base step: asks a question when prompted, and
 * answers "did this help?" with the offered buttons (mostly yes).
 */
import { offeredChoices, type DemoBehaviour } from "../shared/demo";
import type { KbData } from "./schema";

const HELPFUL_CHANCE = 0.8;
const QUESTIONS = ["How does this work?", "How long does it take?", "What are the options?", "Can you explain how this works?"];

export const kbDemo: DemoBehaviour<KbData> = {
  reply: ({ random, botLines }) => {
    const choices = offeredChoices(botLines);
    if (choices.length >= 2) return random.chance(HELPFUL_CHANCE) ? choices[0] : choices[1];
    return random.pick(QUESTIONS);
  },
};
