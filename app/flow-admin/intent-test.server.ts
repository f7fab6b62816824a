/**
 * The intent step's "test phrases" box: how the embedded classifier ranks a phrase among the
 * draft's intents, as a customer's message would be (greetings and the like are answered by the
 * step itself, so they are reported as such, not ranked). Its own classifier instance, so the
 * drafts being typed never evict the models published versions run on; sentence vectors are
 * shared with them through the encoder's cache.
 */
import { getIntentTester } from "~/engines/index.server";
import type { IntentDefinition, RankedIntent } from "~/engines/types";
import { claimedSocialKinds, socialDecision, type SocialKind } from "~/nodes/intent/social";

export type IntentTestResult = { social: SocialKind | null; intent: string | null; ranked: RankedIntent[] };

export async function testIntentPhrase(input: { nodeId: string; intents: IntentDefinition[]; text: string; threshold: number }): Promise<IntentTestResult> {
  const decision = socialDecision(input.text, claimedSocialKinds(input.intents));
  if (decision.social) return { social: decision.social, intent: null, ranked: [] };
  const prediction = await getIntentTester().classify({ modelKey: `test:${input.nodeId}`, intents: input.intents, text: decision.classify, threshold: input.threshold });
  return { social: null, intent: prediction.intent, ranked: prediction.ranked };
}
