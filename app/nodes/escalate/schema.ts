import { z } from "zod";

export const PrioritySchema = z.enum(["low", "normal", "high", "urgent"]);

export const EscalateDataSchema = z.strictObject({
  team: z.string().default(""),
  priority: PrioritySchema.default("normal"),
  reason: z.string().max(500).default(""),
  /** Empty: "I'm passing you to our {team} team. A person will reply here shortly." */
  message: z.string().max(4000).default(""),
});
export type EscalateData = z.infer<typeof EscalateDataSchema>;
