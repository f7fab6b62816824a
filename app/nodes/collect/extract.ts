/**
 * Finds a value of a field's type in what the customer already said, so a collect node can skip
 * its question. Conservative on purpose: a wrong value taken silently is worse than asking.
 * Free text is never extracted; a bare long digit run is not taken as a phone number (it is
 * far more often an order id); a number is taken only when the message holds exactly one.
 */
import type { FieldValue } from "../shared/context";
import type { FieldSpec } from "./schema";
import { matchPattern } from "../shared/pattern";
import { parseChoice, parseDate, parsePhone } from "./validate";

const EMAIL_IN_TEXT = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}/;
const PHONE_IN_TEXT = /(?:\+\d[\d\s().-]{6,}\d)|(?:\(?\d{2,4}\)?[\s.-]\d{2,4}[\s.-]\d{2,5}(?:[\s.-]\d{2,5})?)/;
const PHONE_WORDS = /\b(phone|mobile|cell|tel|telephone|number is|call me|tel[eé]fono|t[eé]l[eé]phone|telefon|handy|celular|telemovel)\b/i;
const ISO_IN_TEXT = /\b\d{4}-\d{1,2}-\d{1,2}\b/;
const DAY_FIRST_IN_TEXT = /\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/;
const RELATIVE_IN_TEXT = /\b(today|tomorrow|yesterday)\b/i;

export function extractFromMessage(text: string, spec: FieldSpec, now: Date = new Date()): FieldValue | null {
  switch (spec.type) {
    case "text":
      return null;
    case "email": {
      const match = EMAIL_IN_TEXT.exec(text);
      return match ? match[0].replace(/[.]+$/, "").toLowerCase() : null;
    }
    case "phone": {
      const formatted = PHONE_IN_TEXT.exec(text);
      if (formatted) return parsePhone(formatted[0]);
      const bare = /\+?\d{7,15}/.exec(text);
      return bare && PHONE_WORDS.test(text) ? parsePhone(bare[0]) : null;
    }
    case "number": {
      const numbers = text.match(/(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])/g) ?? [];
      return numbers.length === 1 ? Number(numbers[0]) : null;
    }
    case "pattern":
      return spec.pattern ? matchPattern(text, spec.pattern) : null;
    case "choice": {
      const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ")} `;
      const found = spec.choices.filter((choice) => lower.includes(` ${choice.toLowerCase()} `));
      return found.length === 1 ? parseChoice(found[0], spec.choices) : null;
    }
    case "date": {
      const match = ISO_IN_TEXT.exec(text) ?? DAY_FIRST_IN_TEXT.exec(text) ?? RELATIVE_IN_TEXT.exec(text);
      return match ? parseDate(match[0], now) : null;
    }
  }
}

/** The most recent message wins: customers correct themselves. */
export function extractField(messages: readonly string[], spec: FieldSpec, now: Date = new Date()): FieldValue | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const value = extractFromMessage(messages[i], spec, now);
    if (value !== null) return value;
  }
  return null;
}
