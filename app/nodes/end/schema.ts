import { z } from "zod";

export const EndDataSchema = z.strictObject({
  text: z.string().max(4000).default("Thanks for reaching out. Have a great day!"),
});
export type EndData = z.infer<typeof EndDataSchema>;
