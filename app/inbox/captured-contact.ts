/**
 * Who the customer is when they never filled in a contact form: the name and email the bot
 * captured (collect nodes for the fields `name` and `email`). Read from Conversation.fields.
 */
import { z } from "zod";

const FieldsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type CapturedFields = z.infer<typeof FieldsSchema>;

export function parseCapturedFields(json: string | null): CapturedFields {
  try {
    const parsed = FieldsSchema.safeParse(JSON.parse(json ?? "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function capturedContact(fields: CapturedFields | string | null): { name: string | null; email: string | null; phone: string | null } {
  const values = typeof fields === "string" || fields === null ? parseCapturedFields(fields) : fields;
  const text = (key: string) => (typeof values[key] === "string" && values[key] !== "" ? (values[key] as string) : null);
  return { name: text("name"), email: text("email"), phone: text("phone") };
}
