import { z } from "zod";
import type { HandleDefinition } from "../types";

export const MessageDataSchema = z.strictObject({
  text: z.string().max(4000).default(""),
});
export type MessageData = z.infer<typeof MessageDataSchema>;

export const messageHandles = (): HandleDefinition[] => [{ id: "next", label: "Next" }];
