import { z } from "zod";

const StringListSchema = z.array(z.string());

/**
 * A JSON array of strings read back from a database column (an article's tags, its example
 * questions). Stored JSON is data, not trusted: a malformed or missing column reads as empty, so
 * one broken row never takes the knowledge base or its pages down.
 */
export function parseStoredStringList(json: string | undefined): string[] {
  if (json === undefined) return [];
  try {
    const parsed = StringListSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
