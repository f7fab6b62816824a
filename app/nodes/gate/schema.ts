import { z } from "zod";
import type { HandleDefinition } from "../types";

export const GateDataSchema = z.strictObject({
  threshold: z.number().min(0).max(1).default(0.7),
  score: z.enum(["intent", "kb"]).default("intent"),
});
export type GateData = z.infer<typeof GateDataSchema>;

export const gateHandles = (): HandleDefinition[] => [
  { id: "confident", label: "Confident" },
  { id: "notConfident", label: "Not confident" },
];
