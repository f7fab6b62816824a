/** Form schemas shared by the inbox's routes (client-safe). */
import { z } from "zod";
import { cleanCustomerText } from "~/runtime/api/text";

/** A reply or note: trimmed, 1..4000 characters, control characters stripped, lone surrogates refused. */
export const MessageTextSchema = z
  .string({ error: "Write a message first" })
  .trim()
  .min(1, "Write a message first")
  .max(4000, "Keep it under 4,000 characters")
  .transform((text, context) => {
    const cleaned = cleanCustomerText(text);
    if (!cleaned.ok) {
      context.addIssue({ code: "custom", message: cleaned.message });
      return z.NEVER;
    }
    return cleaned.text;
  });

export const ClientMessageIdSchema = z.string({ error: "Missing message id" }).min(1, "Missing message id").max(64, "Message id too long");

export const ComposeSchema = z.object({
  intent: z.enum(["reply", "note"], { error: "Unknown action" }),
  clientMessageId: ClientMessageIdSchema,
  text: MessageTextSchema,
});

/** What the inbox's actions answer: done (with a notice), or refused (with the reason and the field). */
export type InboxActionData = { ok: true; intent: string; notice: string } | { ok: false; intent: string; message: string; field?: string };

/** The first issue of a failed parse as the actions' error answer. */
export function firstIssue(error: z.ZodError, intent: string): Extract<InboxActionData, { ok: false }> {
  const issue = error.issues[0];
  const field = issue && issue.path[0] !== "intent" && issue.path.length > 0 ? String(issue.path[0]) : undefined;
  return { ok: false, intent, message: issue?.message ?? "Invalid request", ...(field ? { field } : {}) };
}
