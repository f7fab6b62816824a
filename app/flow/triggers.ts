/**
 * Global handoff triggers, checked on every customer message before the node logic (the
 * compiler puts them first in every waiting state). Pure text rules, documented and tested:
 * - explicit request for a person, in English, Spanish, French, German and Portuguese;
 * - sensitive content: the flow's terms (case- and accent-insensitive, whole words) or a
 *   strongly negative tone (see `isStronglyNegative`).
 * Repeated failure is counted on outcomes instead (see compile.ts, outcome states).
 */
import { normaliseText } from "~/nodes/shared/normalise";

const PERSON = "(?:person|human|humans|agent|agents|someone|somebody|representative|rep|operator|people|staff|employee)";
const REQUEST_PATTERNS: RegExp[] = [
  // English
  new RegExp(`\\b(?:talk|speak|chat)(?:ing)?\\s+(?:to|with)\\s+(?:a|an|the|some|your|one of your)?\\s*(?:real|live|actual)?\\s*${PERSON}\\b`),
  /\b(?:real|live|actual)\s+(?:person|human|agent|people|support)\b/,
  /\bhuman\s+(?:agent|being|support|help)\b/,
  new RegExp(`\\b(?:connect|transfer|put)\\s+me\\s+(?:to|through to|with)\\s+(?:a|an|the|your)?\\s*${PERSON}\\b`),
  /\b(?:i\s+)?(?:want|need|get me|give me|request)\s+(?:a|an|to talk to a|to speak to a|to speak with a)?\s*(?:human|agent|person|representative|operator)\b/,
  // Spanish
  /\b(?:hablar|comunicarme|chatear)\s+con\s+(?:un|una|el|la|algun|alguna)?\s*(?:agente|humano|persona|alguien|operador|operadora|representante|asesor|asesora)\b/,
  /\b(?:quiero|necesito|paseme|pasame)\s+(?:con\s+)?(?:un|una|a un|a una)?\s*(?:agente|humano|persona|operador|asesor)\b/,
  /\bpersona\s+real\b/,
  // French
  /\bparler\s+(?:a|avec)\s+(?:un|une|le|la|l')?\s*(?:humain|agent|conseiller|conseillere|personne|operateur|quelqu'un|vrai|vraie)\b/,
  /\b(?:vraie\s+personne|etre\s+humain)\b/,
  /\bje\s+(?:veux|voudrais)\s+(?:un|une)\s+(?:humain|agent|conseiller|conseillere|personne)\b/,
  // German
  /\b(?:mit\s+)?(?:einem|einer)\s+(?:menschen|mitarbeiter|mitarbeiterin|berater|beraterin|kundenberater|person|agenten)\s+(?:sprechen|reden)\b/,
  /\b(?:sprechen|reden)\s+mit\s+(?:einem|einer|jemandem)\b/,
  /\bmit\s+jemandem\s+(?:sprechen|reden)\b/,
  /\becht(?:e|en)\s+(?:person|menschen)\b/,
  // Portuguese
  /\bfalar\s+com\s+(?:um|uma|o|a)?\s*(?:atendente|agente|humano|pessoa|alguem|representante)\b/,
  /\b(?:quero|preciso\s+de)\s+(?:um|uma)\s+(?:atendente|agente|humano|pessoa)\b/,
  /\bpessoa\s+real\b/,
];
// Only nouns that name a person on staff: "someone stole it" is not a request.
const PERSON_WORD = /\b(?:agent|agente|human|humano|humain|person|persona|pessoa|representative|representante|operator|operador|operateur|atendente|mitarbeiter|mensch|menschen|berater|conseiller)\b/;
const NOT_A_REQUEST = /\b(?:id|number|code|numero|nummer|no\.|#)\b/;
const NEGATED = /\b(?:don'?t|do not|dont|no need|never|without)\s+(?:\w+\s+){0,3}$/;

/** "agent", "human please", "¿Hablar con un agente?" — but not "my agent id is 42". */
export function isHumanRequest(text: string): boolean {
  const normalised = normaliseText(text);
  if (!normalised) return false;
  for (const pattern of REQUEST_PATTERNS) {
    const match = pattern.exec(normalised);
    if (match && !NEGATED.test(normalised.slice(0, match.index))) return true;
  }
  const words = normalised.split(" ");
  return words.length <= 3 && PERSON_WORD.test(normalised) && !NOT_A_REQUEST.test(normalised);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Terms come from flow settings: a handful per flow, checked on every customer message.
const termPatterns = new Map<string, RegExp | null>();

function termPattern(term: string): RegExp | null {
  let pattern = termPatterns.get(term);
  if (pattern === undefined) {
    const wanted = normaliseText(term);
    pattern = wanted ? new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(wanted)}(?:$|[^\\p{L}\\p{N}])`, "u") : null;
    if (termPatterns.size > 10_000) termPatterns.clear();
    termPatterns.set(term, pattern);
  }
  return pattern;
}

/** The first configured term found as whole words, e.g. "chargeback" or "cancel my account". */
export function findSensitiveTerm(text: string, terms: readonly string[]): string | null {
  const normalised = ` ${normaliseText(text)} `;
  for (const term of terms) {
    if (termPattern(term)?.test(normalised)) return term;
  }
  return null;
}

const STRONG_NEGATIVE = new Set([
  "furious", "outraged", "outrageous", "disgusting", "disgusted", "unacceptable", "ridiculous", "scam", "scammed", "fraud",
  "worst", "terrible", "horrible", "awful", "pathetic", "useless", "incompetent", "hate", "angry", "livid", "disgrace",
  "shameful", "liars", "lying", "thieves", "robbed", "ripoff", "nightmare", "appalling",
  "estafa", "inaceptable", "horrible", "furioso", "furiosa", "verguenza", "ladrones", "pesimo",
  "arnaque", "inadmissible", "inacceptable", "honteux", "nul", "voleurs",
  "betrug", "unverschamt", "katastrophe", "frechheit", "wutend",
  "inaceitavel", "absurdo", "vergonha", "pessimo", "golpe",
]);
const PROFANITY = /\b(?:fuck\w*|shit\w*|bullshit|crap|damn|wtf|bastards?|mierda|joder|merde|putain|scheisse|porra|caralho)\b/;
const NEGATIVE_PHRASES = /\b(?:rip off|fed up|sick of|never again|sick and tired|waste of (?:time|money)|worst (?:service|company|experience))\b/;

/**
 * Strongly negative tone, by a small multilingual lexicon (no sentiment model ships offline):
 * each strong word, profanity, a negative phrase, shouting (three or more upper-case words)
 * and "!!" each add one point; two points or more is strongly negative. One angry word alone
 * ("the fit is terrible") does not hand off; "This is unacceptable, worst service ever!!" does.
 */
export function isStronglyNegative(text: string): boolean {
  const normalised = normaliseText(text);
  let score = normalised.split(" ").filter((word) => STRONG_NEGATIVE.has(word)).length;
  if (PROFANITY.test(normalised)) score += 1;
  if (NEGATIVE_PHRASES.test(normalised)) score += 1;
  if ((text.match(/\b[A-Z]{3,}\b/g) ?? []).length >= 3) score += 1;
  if (/!{2,}/.test(text)) score += 1;
  return score >= 2;
}

export function detectSensitive(text: string, terms: readonly string[]): { reason: string } | null {
  const term = findSensitiveTerm(text, terms);
  if (term) return { reason: `Customer mentioned "${term}"` };
  return isStronglyNegative(text) ? { reason: "Strongly negative tone" } : null;
}
