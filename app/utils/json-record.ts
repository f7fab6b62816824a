/**
 * A stored JSON object (an event's payload) read leniently: text that is not JSON, or JSON that
 * is not an object, reads as an empty record, so one bad row cannot fail a whole page.
 */
import { z } from "zod";

const JsonRecordSchema = z.record(z.string(), z.unknown());

export function parseJsonRecord(json: string | null): Record<string, unknown> {
  try {
    const parsed = JsonRecordSchema.safeParse(JSON.parse(json ?? "null"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
