import { z } from "zod";
import type { HandleDefinition } from "../types";

export const KbDataSchema = z.strictObject({
  /** Only articles with one of these tags are used; empty means the whole knowledge base. */
  tags: z.array(z.string().min(1).max(100)).max(20).default([]),
  minScore: z.number().min(0).max(1).default(0.3),
  askFeedback: z.boolean().default(true),
});
export type KbData = z.infer<typeof KbDataSchema>;

// notFound counts as a failure too: the bot could not help, exactly like "not helpful".
export const kbHandles = (data: KbData): HandleDefinition[] => [
  { id: "answered", label: "Answered" },
  { id: "notFound", label: "No answer found", failure: true },
  { id: "notHelpful", label: "Not helpful", failure: true, optional: !data.askFeedback },
];
