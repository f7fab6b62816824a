import { z } from "zod";
import type { HandleDefinition } from "../types";

export const StartDataSchema = z.strictObject({
  greeting: z.string().max(2000).default("Hi! How can I help you today?"),
});
export type StartData = z.infer<typeof StartDataSchema>;

export const startHandles = (): HandleDefinition[] => [{ id: "next", label: "Next" }];
