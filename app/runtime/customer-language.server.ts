/**
 * The customer's language as the conversation's "Detect language" steps told it: the latest
 * clear answer (a later step that could not tell — "ok", an order number — does not undo it).
 * Read from the `language.detected` events, so it needs no column and covers every step's field name.
 * The chat page's own texts and the handoff notice use it; the flow's locale stays the fallback.
 * getCustomerLocale adds that fallback for the system lines written outside a bot turn (a person
 * joined, a move to another team, the hand-back line).
 */
import { z } from "zod";
import { LANGUAGE_CODES, type LanguageCode } from "~/engines/detect-language";
import { getCompiledVersion } from "./flow-versions.server";
import { queryAll } from "./sql.server";

const DetectedSchema = z.object({ language: z.enum(LANGUAGE_CODES) });

/** `newEvents`: this turn's events, not saved yet; a language detected in them is the latest. */
export async function getDetectedLanguage(conversationId: string, newEvents: ReadonlyArray<{ type: string; payload: unknown }> = []): Promise<LanguageCode | null> {
  for (const event of [...newEvents].reverse()) {
    const parsed = event.type === "language.detected" ? DetectedSchema.safeParse(event.payload) : null;
    if (parsed?.success) return parsed.data.language;
  }
  // On the seam: part of every handoff, where Prisma cost more than the query.
  const events = await queryAll<{ payload: unknown }>(`SELECT "payload" FROM "Event" WHERE "conversationId" = ? AND "type" = 'language.detected' ORDER BY "createdAt" DESC`, [
    conversationId,
  ]);
  for (const event of events) {
    const parsed = DetectedSchema.safeParse(safeJson(String(event.payload)));
    if (parsed.success) return parsed.data.language;
  }
  return null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The language to write to this customer in: the detected one, else the flow version's locale (undefined: English). */
export async function getCustomerLocale(conversationId: string, flowVersionId: string): Promise<string | undefined> {
  const detected = await getDetectedLanguage(conversationId);
  if (detected) return detected;
  return getCompiledVersion(flowVersionId).then(
    (compiled) => compiled.document.settings.locale,
    () => undefined,
  );
}
