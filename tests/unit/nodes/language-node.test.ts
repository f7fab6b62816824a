/** "Detect language": telling the supported languages apart, and branching on the result. */
import { describe, expect, it } from "vitest";
import { detectLanguage } from "~/nodes/language/detect";
import { LanguageDataSchema, languageHandles } from "~/nodes/language/schema";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, outcomes } from "../flow/helpers";

describe("detecting the language", () => {
  it.each([
    ["Where is my order? It still hasn't arrived", "en"],
    ["¿Dónde está mi pedido? Todavía no ha llegado", "es"],
    ["Bonjour, où est ma commande ? Je ne l'ai toujours pas reçue", "fr"],
    ["Hallo, wo ist meine Bestellung? Ich habe sie noch nicht", "de"],
    ["Olá, onde está o meu pedido? Ainda não chegou", "pt"],
  ])("%s → %s", (text, language) => expect(detectLanguage([text]).language).toBe(language));

  it.each([["ok"], ["10001"], ["merci"], [""]])("%j is too little to tell", (text) => expect(detectLanguage([text]).language).toBeNull());

  it("only chooses among the languages asked for", () => {
    expect(detectLanguage(["Bonjour, où est ma commande ?"], ["en", "es"]).language).toBeNull();
  });
});

describe("a language step in a flow", () => {
  const machine = () =>
    compileClean(
      buildFlow(
        [
          ["start", "start", { greeting: "Hi" }],
          ["ask", "collect", { field: "problem", question: "What happened?" }],
          ["lang", "language", { languages: ["en", "es"] }],
          ["en", "message", { text: "English ({{language}})" }],
          ["es", "message", { text: "Español ({{language}})" }],
          ["other", "message", { text: "Other" }],
          ["end", "end", { text: "Bye" }],
        ],
        [
          ["start", "next", "ask"],
          ["ask", "captured", "lang"],
          ["ask", "failed", "end"],
          ["lang", "en", "en"],
          ["lang", "es", "es"],
          ["lang", "other", "other"],
          ["en", "next", "end"],
          ["es", "next", "end"],
          ["other", "next", "end"],
        ],
      ),
    );

  it.each([
    ["Mi pedido no ha llegado todavía", "lang:es", "Español (es)"],
    ["My parcel did not arrive", "lang:en", "English (en)"],
    ["Mein Paket ist nicht da", "lang:other", "Other"],
  ])("%s takes %s", async (text, outcome, said) => {
    const conversation = new Conversation(machine(), createFakeEngines());
    await conversation.start();
    const turn = await conversation.say(text);
    expect(outcomes(turn)).toContain(outcome);
    expect(turn.messages[0].text).toBe(said);
  });

  it("has one output per language plus another-or-unclear, and refuses an unknown language", () => {
    expect(languageHandles(LanguageDataSchema.parse({ languages: ["fr", "de"] })).map((handle) => handle.label)).toEqual(["French", "German", "Another or unclear"]);
    expect(LanguageDataSchema.safeParse({ languages: ["xx"] }).success).toBe(false);
    expect(LanguageDataSchema.safeParse({ languages: [] }).success).toBe(false);
  });
});
