/**
 * The sixth held-out knowledge-base questions (issue 15): bench/data/kb-heldout6-questions.json
 * (demo store) and bench/data/stackfaq-heldout6-questions.json (StackFAQ). Every older set, the
 * fifth pair included, was spent tuning or choosing the ranking and confidence, so these were
 * written from the articles and threads alone (2026-12-07) for the integrator's single final run.
 * Well formed, the agreed size, only articles the bench's knowledge bases hold, and no question of
 * any older set word for word or nearly (tests/support/held-out-set-checks.ts).
 */
import { describeHeldOutPair } from "../support/held-out-set-checks";

describeHeldOutPair({
  ordinal: "sixth",
  demoFile: "bench/data/kb-heldout6-questions.json",
  stackFaqFile: "bench/data/stackfaq-heldout6-questions.json",
});
