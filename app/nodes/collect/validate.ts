/**
 * Validates and normalises a customer's answer by field type. Values are stored normalised
 * (email lower-cased, phone as digits with an optional +, date as YYYY-MM-DD, choice as written
 * in the flow) so conditions and the handoff packet see one spelling.
 */
import type { FieldValue } from "../shared/context";
import { describeFieldToPeople } from "../shared/field-name";
import { matchPattern } from "../shared/pattern";
import { phrasesFor, type Phrases } from "../shared/phrases";
import type { FieldSpec } from "./schema";

export type Validation = { ok: true; value: FieldValue } | { ok: false; hint: string };

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/;

function normaliseDigits(text: string): string {
  return text.replace(/[\s().-]/g, "");
}

export function parsePhone(text: string): string | null {
  const compact = normaliseDigits(text.trim());
  return /^\+?\d{7,15}$/.test(compact) ? compact : null;
}

export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/^[$€£]\s*/, "").replace(/(\d),(\d{3})\b/g, "$1$2");
  if (!/^-?\d+(?:[.,]\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(",", "."));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const RELATIVE_DAYS: Record<string, number> = {
  today: 0, hoy: 0, "aujourd'hui": 0, heute: 0, hoje: 0,
  tomorrow: 1, "mañana": 1, manana: 1, demain: 1, morgen: 1, amanha: 1, "amanhã": 1,
  yesterday: -1, ayer: -1, hier: -1, gestern: -1, ontem: -1,
};

/** ISO (2026-03-12), day-first numeric (12/03/2026, 12.03.2026) and today/tomorrow/yesterday. */
export function parseDate(text: string, now: Date = new Date()): string | null {
  const input = text.trim().toLowerCase();
  if (input in RELATIVE_DAYS) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + RELATIVE_DAYS[input]));
    return day.toISOString().slice(0, 10);
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

/** A choice matches by its text (any case) or by its number in the list (1-based). */
export function parseChoice(text: string, choices: string[]): string | null {
  const input = text.trim().toLowerCase().replace(/[.!]+$/, "");
  const byText = choices.find((choice) => choice.trim().toLowerCase() === input);
  if (byText) return byText;
  const index = /^\d+$/.test(input) ? Number(input) - 1 : -1;
  return choices[index] ?? null;
}

// In the five bot languages; the buttons send the locale's own "Yes"/"No", which are here too.
const YES = new Set(["yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right", "of course", "absolutely", "yes please", "sí", "si", "claro", "vale", "oui", "ouais", "bien sûr", "ja", "jawohl", "genau", "sim", "claro que sim"]);
const NO = new Set(["no", "n", "nope", "nah", "not really", "no thanks", "non", "nein", "não", "nao"]);

/** "yes" or "no" from a short answer in any of the bot's languages; null for anything else. */
export function parseYesNo(text: string): "yes" | "no" | null {
  const answer = text.trim().toLowerCase().replace(/[.!,]+$/u, "").replace(/\s+/g, " ");
  if (YES.has(answer)) return "yes";
  if (NO.has(answer)) return "no";
  return null;
}

export function validateAnswer(text: string, spec: FieldSpec, now: Date = new Date(), phrases: Phrases = phrasesFor("en")): Validation {
  const answer = text.trim();
  const name = describeFieldToPeople(spec.field);
  const hints = phrases.hints;
  if (!answer) return { ok: false, hint: hints.empty(name) };
  switch (spec.type) {
    case "text":
      return { ok: true, value: answer };
    case "email":
      return EMAIL.test(answer)
        ? { ok: true, value: answer.toLowerCase() }
        : { ok: false, hint: hints.email };
    case "phone": {
      const phone = parsePhone(answer);
      return phone ? { ok: true, value: phone } : { ok: false, hint: hints.phone };
    }
    case "number": {
      const number = parseNumber(answer);
      return number !== null ? { ok: true, value: number } : { ok: false, hint: hints.number };
    }
    case "pattern": {
      const match = matchPattern(answer, spec.pattern);
      return match ? { ok: true, value: match } : { ok: false, hint: hints.pattern(name, spec.expected) };
    }
    case "choice": {
      const choice = parseChoice(answer, spec.choices);
      return choice ? { ok: true, value: choice } : { ok: false, hint: hints.choice(spec.choices.join(", ")) };
    }
    case "date": {
      const date = parseDate(answer, now);
      return date ? { ok: true, value: date } : { ok: false, hint: hints.date };
    }
    case "yesno": {
      const yesNo = parseYesNo(answer);
      return yesNo ? { ok: true, value: yesNo } : { ok: false, hint: hints.yesno };
    }
  }
}
