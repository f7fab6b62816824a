import { z } from "zod";
import { PrioritySchema } from "../shared/priority";

export { PrioritySchema };

export const EscalateDataSchema = z.strictObject({
  team: z.string().max(100).default(""),
  priority: PrioritySchema.default("normal"),
  reason: z.string().max(500).default(""),
  /** What the customer is told; empty: the runtime's notice in the flow's locale, naming the team ("You're being connected to our Billing team…"). */
  message: z.string().max(4000).default(""),
});
export type EscalateData = z.infer<typeof EscalateDataSchema>;
