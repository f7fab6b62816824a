/**
 * Answer formats a support lead picks instead of writing a regular expression: digits of a given
 * length, "like this example" (ABC-1234 → three letters, a hyphen, four digits), a country's postal
 * code, or — kept as the advanced option — a pattern of their own. Each preset GENERATES a
 * pattern made only of character classes, fixed counts and escaped literals: nothing in it can
 * backtrack, whatever the answer. It is bounded by word boundaries rather than anchored, so
 * "it's ABC-1234" is accepted as ABC-1234 (and found in an earlier message), while 123456 is not
 * five digits. Pure and isomorphic: the editor previews it, the compiler uses it.
 */
import { z } from "zod";

export const POSTAL_COUNTRIES = {
  US: { label: "United States (12345 or 12345-6789)", pattern: "\\b\\d{5}(?:-\\d{4})?\\b" },
  UK: { label: "United Kingdom (SW1A 1AA)", pattern: "\\b[a-z]{1,2}\\d[a-z\\d]? ?\\d[a-z]{2}\\b" },
  CA: { label: "Canada (K1A 0B1)", pattern: "\\b[a-z]\\d[a-z] ?\\d[a-z]\\d\\b" },
  DE: { label: "Germany (10115)", pattern: "\\b\\d{5}\\b" },
  FR: { label: "France (75001)", pattern: "\\b\\d{5}\\b" },
  ES: { label: "Spain (28013)", pattern: "\\b\\d{5}\\b" },
  IT: { label: "Italy (00184)", pattern: "\\b\\d{5}\\b" },
  NL: { label: "Netherlands (1012 AB)", pattern: "\\b\\d{4} ?[a-z]{2}\\b" },
  PT: { label: "Portugal (1000-001)", pattern: "\\b\\d{4}-\\d{3}\\b" },
  BR: { label: "Brazil (01310-100)", pattern: "\\b\\d{5}-?\\d{3}\\b" },
  AU: { label: "Australia (2000)", pattern: "\\b\\d{4}\\b" },
  IN: { label: "India (110001)", pattern: "\\b\\d{6}\\b" },
} as const;

export type PostalCountry = keyof typeof POSTAL_COUNTRIES;
const COUNTRY_CODES = Object.keys(POSTAL_COUNTRIES) as [PostalCountry, ...PostalCountry[]];

const MAX_DIGITS = 30;

export const AnswerFormatSchema = z.discriminatedUnion("kind", [
  z
    .strictObject({ kind: z.literal("digits"), min: z.number().int().min(1).max(MAX_DIGITS), max: z.number().int().min(1).max(MAX_DIGITS) })
    .refine((format) => format.min <= format.max, { message: "The shortest length must not be more than the longest", path: ["min"] }),
  z.strictObject({ kind: z.literal("example"), example: z.string().max(60) }),
  z.strictObject({ kind: z.literal("postal"), country: z.enum(COUNTRY_CODES) }),
  z.strictObject({ kind: z.literal("regex") }),
]);
export type AnswerFormat = z.infer<typeof AnswerFormatSchema>;

function escapeLiteral(char: string): string {
  // Only syntax characters may be escaped in a unicode-mode pattern (an escaped hyphen is an error there).
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

const count = (length: number) => (length === 1 ? "" : `{${length}}`);

// \b is an ASCII word boundary (in RE2 and in JavaScript alike): only next to an ASCII letter or digit.
const ASCII_WORD = /[A-Za-z0-9]/;

/**
 * The pattern an example stands for: each run of letters becomes that many letters, each run of
 * digits that many digits, a space an optional space, anything else stays as written
 * ("ABC-1234" → \b[a-z]{3}-\d{4}\b). Letters include accented ones; matching ignores case.
 * Null when the example has no letter or digit.
 */
export function patternFromExample(example: string): string | null {
  const runs = example.trim().match(/\p{L}+|\p{Nd}+|[^\p{L}\p{Nd}]/gu) ?? [];
  if (!runs.some((run) => /[\p{L}\p{Nd}]/u.test(run))) return null;
  const body = runs
    .map((run) => {
      if (/^\p{Nd}/u.test(run)) return `\\d${count(run.length)}`;
      if (/^[A-Za-z]+$/.test(run)) return `[a-z]${count(run.length)}`;
      if (/^\p{L}/u.test(run)) return `\\p{L}${count([...run].length)}`;
      return /\s/.test(run) ? "\\s?" : escapeLiteral(run);
    })
    .join("");
  const start = ASCII_WORD.test(runs[0]?.charAt(0) ?? "") ? "\\b" : "";
  const end = ASCII_WORD.test(runs[runs.length - 1]?.slice(-1) ?? "") ? "\\b" : "";
  return `${start}${body}${end}`;
}

/** The pattern a format generates, or null for "regex" (the step's own pattern) and an unusable example. */
export function patternForFormat(format: AnswerFormat): string | null {
  switch (format.kind) {
    case "digits":
      return format.min === format.max ? `\\b\\d{${format.min}}\\b` : `\\b\\d{${format.min},${format.max}}\\b`;
    case "example":
      return patternFromExample(format.example);
    case "postal":
      return POSTAL_COUNTRIES[format.country].pattern;
    case "regex":
      return null;
  }
}

/** How the step's card names the format: "5 digits", "like ABC-1234", "a US postal code". */
/**
 * What a valid answer looks like in words, for the customer's retry hint: the preset's description,
 * or — for a hand-written pattern — only when it is exactly what the Digits preset generates
 * (the starter flows' \b\d{10}\b reads "10 digits"). Anything else has no safe wording: undefined.
 */
export function describeExpectedAnswer(format: AnswerFormat | undefined, pattern: string): string | undefined {
  if (format && format.kind !== "regex") return describeFormat(format);
  const digits = /^\\b\\d\{(\d+)(?:,(\d+))?\}\\b$/.exec(pattern);
  if (!digits) return undefined;
  const min = Number(digits[1]);
  return describeFormat({ kind: "digits", min, max: digits[2] === undefined ? min : Number(digits[2]) });
}

export function describeFormat(format: AnswerFormat | undefined): string {
  if (!format || format.kind === "regex") return "custom pattern";
  if (format.kind === "digits") return format.min === format.max ? `${format.min} digits` : `${format.min}–${format.max} digits`;
  if (format.kind === "example") return format.example.trim() ? `like ${format.example.trim()}` : "like an example";
  return `a ${format.country} postal code`;
}
