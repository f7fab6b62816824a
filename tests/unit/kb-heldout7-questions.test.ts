/**
 * The seventh held-out knowledge-base questions (issue 15): bench/data/kb-heldout7-questions.json
 * (demo store) and bench/data/stackfaq-heldout7-questions.json (StackFAQ). Every older set, the
 * sixth pair included, was spent tuning or choosing the ranking and confidence, so these were
 * written from the articles and threads alone (2026-12-07) for a single final run after any later
 * model change. Well formed, the agreed size, only articles the bench's knowledge bases hold, and
 * no question of any older set word for word or nearly (tests/support/held-out-set-checks.ts).
 */
import { describeHeldOutPair } from "../support/held-out-set-checks";

describeHeldOutPair({
  ordinal: "seventh",
  demoFile: "bench/data/kb-heldout7-questions.json",
  stackFaqFile: "bench/data/stackfaq-heldout7-questions.json",
});
