/**
 * The third held-out knowledge-base questions (issue 15): bench/data/kb-heldout3-questions.json
 * (demo store) and bench/data/stackfaq-heldout3-questions.json (StackFAQ), written from the
 * articles alone for the integrator's single run on 2026-12-06 (spent since: the 2026-12-07 refit
 * fits on them). Well formed, the agreed size, only articles the bench's knowledge bases hold, and
 * no question of an older set, word for word or nearly (tests/support/held-out-set-checks.ts).
 */
import { describeHeldOutPair } from "../support/held-out-set-checks";

describeHeldOutPair({
  ordinal: "third",
  demoFile: "bench/data/kb-heldout3-questions.json",
  stackFaqFile: "bench/data/stackfaq-heldout3-questions.json",
});
