/**
 * The fourth held-out knowledge-base questions (issue 15): bench/data/kb-heldout4-questions.json
 * (demo store) and bench/data/stackfaq-heldout4-questions.json (StackFAQ). Every older set was
 * spent tuning or choosing the ranking and confidence, so these were written from the articles and
 * threads alone for the integrator's single final run (2026-12-07). Well formed, the agreed size,
 * only articles the bench's knowledge bases hold, and no question of any older set — the three
 * earlier held-out pairs included — word for word or nearly (tests/support/held-out-set-checks.ts).
 */
import { describeHeldOutPair } from "../support/held-out-set-checks";

describeHeldOutPair({
  ordinal: "fourth",
  demoFile: "bench/data/kb-heldout4-questions.json",
  stackFaqFile: "bench/data/stackfaq-heldout4-questions.json",
});
