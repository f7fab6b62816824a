/**
 * Contact details a customer gives in their own words — "I'm Maya, maya@example.com", "call me on
 * +44 7700 900123", "my name is maya lopez" — so the contact fills itself without a form.
 * Pure and conservative: a wrong name on a contact is worse than none, so a name needs an
 * introduction ("I'm", "my name is", "this is", "call me") and, after "I'm", a capital letter
 * and a word that is not an everyday one ("I'm Sorry", "I'm Still waiting").
 */
export type ContactDetails = { name?: string; email?: string; phone?: string };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
// 9–15 digits, possibly grouped by spaces, dots, dashes or brackets.
const PHONE = /\+?\(?\d[\d\s().-]{7,20}\d/;
// A bare run of digits is as likely an order number: it is a phone only when the customer says so.
const PHONE_CONTEXT = /\b(?:phone|mobile|cell|call|text me|whatsapp|tel|reach me)\b/i;
const NAME_WORD = "[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{1,29}";
const STRONG_INTRO = new RegExp(`\\b(?:my name is|my name's|name's|call me)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})?)`, "i");
const CAPITALISED = "[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]{1,29}";
const WEAK_INTRO = new RegExp(`\\b(?:[Ii]'m|[Ii]’m|[Ii] am|[Tt]his is)\\s+(${CAPITALISED}(?:\\s+${CAPITALISED})?)`);

// Words that follow "I'm" without being a name.
const NOT_NAMES = new Set(
  "sorry still not just so very really trying looking having having getting going waiting writing asking calling here there fine good ok okay afraid confused frustrated annoyed happy sure unable able interested new back done glad the a an in on at from with about still".split(" "),
);

function titleCase(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => (word === word.toLowerCase() || word === word.toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(" ");
}

function recogniseName(text: string): string | undefined {
  const strong = STRONG_INTRO.exec(text)?.[1];
  const candidate = strong ?? WEAK_INTRO.exec(text)?.[1];
  if (!candidate) return undefined;
  const words = candidate.split(/\s+/).filter((word) => !NOT_NAMES.has(word.toLowerCase()));
  // "I'm Maya Still waiting" keeps "Maya"; a name starting with an everyday word is no name.
  if (words.length === 0 || NOT_NAMES.has(candidate.split(/\s+/)[0].toLowerCase())) return undefined;
  return titleCase(words.join(" "));
}

function recognisePhone(text: string): string | undefined {
  const match = PHONE.exec(text.replace(EMAIL, " "));
  if (!match) return undefined;
  const candidate = match[0].trim();
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 15) return undefined;
  const grouped = candidate.startsWith("+") || /\d[\s().-]+\d/.test(candidate);
  return grouped || PHONE_CONTEXT.test(text) ? candidate : undefined;
}

export function recogniseContactDetails(text: string): ContactDetails {
  const details: ContactDetails = {};
  const email = EMAIL.exec(text)?.[0];
  if (email) details.email = email.toLowerCase();
  const name = recogniseName(text);
  if (name) details.name = name;
  const phone = recognisePhone(text);
  if (phone) details.phone = phone;
  return details;
}

const CONTACT_FIELDS = new Set(["name", "email", "phone"]);

/** What a customer turn told us: values collect steps captured for `name`/`email`/`phone`, over what the message itself says. */
export function contactDetailsOfTurn(text: string, events: Array<{ type: string; payload: Record<string, unknown> }>): ContactDetails {
  const details = recogniseContactDetails(text);
  for (const event of events) {
    const { field, value } = event.payload;
    if (event.type !== "field.captured" || typeof field !== "string" || !CONTACT_FIELDS.has(field) || value === undefined) continue;
    details[field as keyof ContactDetails] = field === "email" ? String(value).toLowerCase() : String(value);
  }
  return details;
}
