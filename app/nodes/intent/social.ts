/**
 * Built-in recognition of what customers say that is not a request: greetings, thanks,
 * goodbyes, small talk ("how are you?", "are you a bot?") and contact details ("Hi, I'm Maya,
 * maya@example.com"). An intent step that receives one answers in kind and waits for the
 * request, instead of forcing it into an intent or counting it as a failure. A message that
 * mixes them with a request is classified without the name and address in it.
 *
 * Recognition is by removal: the known social phrases, an email address, a phone number and a
 * self-introduction ("I'm Maya", "my name is Maya Lopez") are cut out, and the message is social
 * only when nothing with content is left. So "hi, where is my order?" is not social. Rules, not a model: they must never swallow a request, and
 * what they do is easy to read. Checked on NLU++ (bench/social.ts; rules written on train.json).
 */

export type SocialKind = "greeting" | "thanks" | "goodbye" | "smalltalk" | "contact";
export const SOCIAL_KINDS: readonly SocialKind[] = ["greeting", "thanks", "goodbye", "smalltalk", "contact"];

export type SocialReading = {
  /** What the message is when it holds nothing else; null when it holds a request (or anything unknown). */
  kind: SocialKind | null;
  /** The message without its social parts: what the classifier should read. */
  rest: string;
};

const EMAIL = /[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}/g;
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
// "I'm Maya", "this is Maya Lopez": the name must be capitalised (lower case, "I'm lost" is not a name).
const CAPITALISED_NAME = /\b(?:[Ii]['’]?m|[Ii] am|[Tt]his is|[Ii]t['’]?s|[Nn]ame['’]?s)\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?:\s+(?:here|speaking))?/gu;
// "my name is maya lopez", "call me maya": the words say it is a name, so any case.
const STATED_NAME = /\b(?:my name is|my name's|the name is|call me)\s+([\p{L}'-]+(?:\s+[\p{L}'-]+){0,2}?)(?=\s*(?:[,.!;:]|$|\band\b|\bmy\b|\bemail\b|\bphone\b))/giu;

/** Phrase lists, longest first within a kind so "thank you very much" is cut whole. */
const PHRASES: Record<Exclude<SocialKind, "contact">, string[]> = {
  greeting: [
    "good morning", "good afternoon", "good evening", "good day", "hello there", "hi there", "hey there", "hiya there",
    "greetings", "hello", "hiya", "howdy", "heya", "hey", "hi", "yo", "hola", "bonjour", "hallo", "ola",
  ],
  thanks: [
    "thank you very much", "thank you so much", "thanks very much", "thanks so much", "thanks a lot", "thanks a million",
    "much appreciated", "i appreciate it", "appreciate it", "thank you", "thankyou", "thanks", "thanx", "thx", "ty", "cheers",
    "many thanks", "that was helpful", "that was very helpful", "that was super helpful", "that helps", "that helped", "very helpful", "helpful",
    "i am very grateful", "i am grateful", "very grateful", "grateful", "thank you for your help", "thanks for your help",
    "thank you for helping", "thanks for helping", "this was very useful", "that was very useful", "that is very helpful",
    "that is helpful", "all done",
  ],
  goodbye: [
    "have a nice day", "have a good day", "have a great day", "see you later", "see you soon", "see you", "see ya",
    "talk to you later", "that is all", "that will be all", "that is all i need", "nothing else", "good bye", "goodbye",
    "bye bye", "bye", "ciao", "later", "laters", "take care", "i am done", "we are done", "farewell", "catch you later",
    "talk later", "until next time", "adios", "cya", "tata for now", "cheerio", "have a good one", "gotta hit the road",
    "gotta get going", "got to go", "gotta go", "i am leaving now", "i am leaving", "i am off now", "i am off",
    "nothing more to talk about", "we should stop now", "it has been a pleasure", "see you later alligator",
  ],
  smalltalk: [
    "how are you doing today", "how are you doing", "how are you today", "how are you", "how is it going", "how are things",
    "what is up", "whats up", "are you a bot", "are you a robot", "are you a human", "are you real", "am i talking to a bot",
    "who are you", "what is your name", "nice to meet you", "pleased to meet you", "good to meet you", "how do you do",
  ],
};

/** Once a contact detail was found, the words that label it ("my phone number is …", "reach me at …"). */
const CONTACT_LABELS = new Set("my is at on phone number mobile cell email e mail address contact reach me name you can".split(" "));

/** Words that carry nothing once the social phrases are gone ("hi there and thanks again!"). */
const FILLERS = new Set(
  "then now friend virtual a and again all also oh ok okay okey alright right so well um uhm er just there for your the you very much great good cool nice awesome perfect sure yes yeah yep lovely everyone everybody team folks guys dear sir madam please again to it is was that this me".split(" "),
);

// Ordered by what the reply should answer: a message with an address and a "hi" is contact details.
const PRIORITY: SocialKind[] = ["contact", "smalltalk", "thanks", "goodbye", "greeting"];

const MATCHERS = (Object.entries(PHRASES) as [Exclude<SocialKind, "contact">, string[]][]).map(([kind, phrases]) => ({
  kind,
  pattern: new RegExp(`(?:^|\\s)(?:${[...phrases].sort((a, b) => b.length - a.length).map(escape).join("|")})(?=\\s|$)`, "g"),
}));

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lower case, apostrophes and contractions folded ("what's" → "what is"), punctuation to spaces. */
function fold(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(what|that|it|how|who|there|name)'?s\b/g, "$1 is")
    .replace(/\bi'?m\b/g, "i am")
    .replace(/\bwe're\b/g, "we are")
    .replace(/'/g, "")
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

export function readSocial(text: string): SocialReading {
  const found = new Set<SocialKind>();
  let rest = text;
  for (const pattern of [EMAIL, PHONE, CAPITALISED_NAME, STATED_NAME]) {
    rest = rest.replace(pattern, () => {
      found.add("contact");
      return " ";
    });
  }
  let folded = fold(rest);
  for (const { kind, pattern } of MATCHERS) {
    folded = folded.replace(pattern, () => {
      found.add(kind);
      return " ";
    });
  }
  const contact = found.has("contact");
  const left = folded.split(" ").filter((word) => word !== "" && !FILLERS.has(word) && !(contact && CONTACT_LABELS.has(word)));
  const kind = found.size > 0 && left.length === 0 ? (PRIORITY.find((candidate) => found.has(candidate)) ?? null) : null;
  // Names and addresses only blur what the request means; the rest of the wording stays.
  const request = rest.replace(/\s+/g, " ").trim();
  return { kind, rest: kind === null && request !== "" ? request : text };
}

/**
 * The social kinds a flow's own intents are about: an example phrase that is itself a greeting
 * (or thanks, small talk, contact details) claims its kind, so a lead who wrote "hi" or "call me
 * Tom" as an example gets those messages routed to that intent instead of answered.
 */
export function claimedSocialKinds(intents: { examples: string[] }[]): SocialKind[] {
  const claimed = new Set(intents.flatMap((intent) => intent.examples.map((example) => readSocial(example).kind)));
  return SOCIAL_KINDS.filter((kind) => claimed.has(kind));
}

/** What an intent step does with a message: answer it socially, or classify (its request part). */
export function socialDecision(text: string, claimed: readonly SocialKind[]): { social: SocialKind | null; classify: string } {
  const reading = readSocial(text);
  if (reading.kind && !claimed.includes(reading.kind)) return { social: reading.kind, classify: text };
  // A flow that claims a kind classifies the message whole: its own phrases include the greeting.
  return { social: null, classify: claimed.length > 0 ? text : reading.rest };
}
