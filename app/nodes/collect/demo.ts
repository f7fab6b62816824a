/**
 * The demo history's customer at an "Ask for information" step: mostly a valid answer of the
 * field's type (their own email, a 10-digit order number for `\d{10}`), sometimes something the
 * step cannot use, so retries and failures show up in analytics too.
 */
import { offeredChoices, VAGUE_LINES, type DemoBehaviour, type DemoRandom } from "../shared/demo";
import type { CollectData } from "./schema";

const VALID_CHANCE = 0.88;
const DESCRIPTIONS = ["The seam on the left sleeve came apart after one wash", "There's a stain on the front that won't come out", "It arrived with a tear near the zip", "I got a different colour than I ordered"];

/** Digits of the length a `\d{n}` pattern asks for; letters and digits otherwise. */
function answerForPattern(pattern: string, random: DemoRandom): string {
  const digits = /\\d\{(\d+)\}/.exec(pattern);
  if (!digits) return `ABC-${random.int(1000, 9999)}`;
  const length = Number(digits[1]);
  return String(random.int(1, 9)) + Array.from({ length: length - 1 }, () => String(random.int(0, 9))).join("");
}

export const collectDemo: DemoBehaviour<CollectData> = {
  reply: ({ data, random, customer, botLines }) => {
    if (!random.chance(VALID_CHANCE)) return random.pick(VAGUE_LINES);
    const choices = offeredChoices(botLines);
    switch (data.type) {
      case "choice":
        return random.pick(choices.length > 0 ? choices : data.choices.length > 0 ? data.choices : ["yes"]);
      case "email":
        return customer.email ?? `guest${random.int(100, 999)}@example.com`;
      case "phone":
        return `+1 555 01${random.int(10, 99)} ${random.int(1000, 9999)}`;
      case "number":
        return String(random.int(1, 5));
      case "yesno":
        return random.pick(["yes", "no"]);
      case "date":
        return `2026-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
      case "pattern":
        return answerForPattern(data.pattern, random);
      default:
        return /name/i.test(data.field) && customer.name ? customer.name : random.pick(DESCRIPTIONS);
    }
  },
};
