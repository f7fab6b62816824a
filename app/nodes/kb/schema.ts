import { z } from "zod";
import confidenceModel from "~/engines/local/kb-confidence-model.json";

/**
 * The default minimum answer confidence: a calibrated probability that the article is the right
 * one, chosen on the tuning questions so that wrong answers stay rare (bench/fit-kb-confidence.ts).
 */
export const DEFAULT_MIN_SCORE = confidenceModel.defaultMinScore;
import type { HandleDefinition } from "../types";

export const KbDataSchema = z.strictObject({
  /** Only articles with one of these tags are used; empty means the whole knowledge base. */
  tags: z.array(z.string().min(1).max(100)).max(20).default([]),
  /** The answer's calibrated confidence (0..1) must reach this, else the node takes notFound. */
  minScore: z.number().min(0).max(1).default(DEFAULT_MIN_SCORE),
  askFeedback: z.boolean().default(true),
  /** Below minScore, first offer the customer the closest articles to pick from ("None of these" → notFound). */
  offerSuggestions: z.boolean().default(true),
});
export type KbData = z.infer<typeof KbDataSchema>;

// notFound counts as a failure too: the bot could not help, exactly like "not helpful".
export const kbHandles = (data: KbData): HandleDefinition[] => [
  { id: "answered", label: "Answered" },
  { id: "notFound", label: "No answer found", failure: true },
  { id: "notHelpful", label: "Not helpful", failure: true, optional: !data.askFeedback },
];
