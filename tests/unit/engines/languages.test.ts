/**
 * The embedded engines in Spanish, French and German: each language's words are analysed its
 * own way (stems, stop words, elisions), an intent step's language comes from its phrases, only
 * English steps reach the English-only sentence encoder, and a knowledge base in another
 * language is searched on its own stems.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateLanguage, readMultilingualSet } from "~/engines/eval/multilingual-intents";
import { languageOfTexts } from "~/engines/detect-language";
import { LocalIntentClassifier } from "~/engines/local/intent-classifier";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import { rankArticles } from "~/engines/local/knowledge-ranker";
import type { SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { indexTerms, stem, tokenize } from "~/engines/local/text";

const set = readMultilingualSet(path.resolve(__dirname, "../../fixtures/nlu/multilingual-intents.json"));
const OTHER_LANGUAGES = ["es", "fr", "de"] as const;

describe("words in each language", () => {
  it("brings a word's inflections and its spelling without accents to one stem", () => {
    expect(new Set(["devolución", "devoluciones", "devolucion"].map((word) => stem(word, "es")))).toEqual(new Set(["devolu"]));
    expect(new Set(["remboursement", "rembourser", "remboursé"].map((word) => stem(word, "fr")))).toEqual(new Set(["rembours"]));
    expect(new Set(["Bestellung", "Bestellungen"].map((word) => stem(word.toLowerCase(), "de")))).toEqual(new Set(["bestell"]));
    expect(new Set(["devolução", "devoluções", "devolucao", "devolucoes"].map((word) => stem(word, "pt"))).size).toBe(1);
  });

  it("splits French elisions and German clitics off, and spells ß as ss", () => {
    expect(tokenize("J'ai besoin d'un remboursement pour l'article", "fr")).toEqual(["ai", "besoin", "un", "remboursement", "pour", "article"]);
    expect(tokenize("Geht's mit der Größe?", "de")).toEqual(["geht", "mit", "der", "grösse"]);
  });

  it("drops each language's stop words from the terms the knowledge base compares", () => {
    expect(indexTerms("¿Dónde están los pedidos de mi cuenta?", "es")).toEqual(["dond", "estan", "ped", "cuent"]);
    expect(indexTerms("Je veux annuler ma commande", "fr")).toEqual(["veux", "annul", "command"]);
    expect(indexTerms("Ich möchte meine Bestellung stornieren", "de")).toEqual(["bestell", "storni"]);
  });
});

describe("an intent step's language", () => {
  it.each(["en", ...OTHER_LANGUAGES] as const)("is read from its %s phrases", (language) => {
    const phrases = set.languages[language]!.intents.flatMap((intent) => intent.train);
    expect(languageOfTexts(phrases)).toBe(language);
  });

  it("stays English for English phrases that contain another language's words", () => {
    expect(languageOfTexts(["goodbye, helpful ai device!", "la la land tickets", "bye-bye"])).toBe("en");
  });

  it.each(OTHER_LANGUAGES)("routes %s dev phrases better or as well as English analysis, unrelated messages mostly refused", async (language) => {
    const own = await evaluateLanguage(set, language, { part: "dev", threshold: 0.7 });
    const english = await evaluateLanguage(set, language, { part: "dev", threshold: 0.7, analysis: "en" });
    expect(own.analysedAs).toBe(language);
    expect(own.top1).toBeGreaterThanOrEqual(0.8);
    expect(own.top1).toBeGreaterThanOrEqual(english.top1);
    expect(own.unrelatedTaken).toBeLessThanOrEqual(0.25);
  });
});

/** Counts what reaches the encoder and answers with one fixed vector per text. */
function countingEncoder(): SentenceEncoder & { texts: string[] } {
  const texts: string[] = [];
  return { texts, embed: async (batch) => (texts.push(...batch), batch.map(() => Float32Array.from([1, 0, 0, 0]))) };
}

describe("the English-only sentence encoder", () => {
  const intentsIn = (language: "en" | "es") => set.languages[language]!.intents.map((intent) => ({ name: intent.name, examples: intent.train }));

  it("is never given a Spanish step's phrases or messages; the lexical model answers", async () => {
    const encoder = countingEncoder();
    const classifier = new LocalIntentClassifier(encoder);
    const prediction = await classifier.classify({ modelKey: "es", intents: intentsIn("es"), text: "quiero cancelar mi pedido" });
    expect(prediction.ranked[0].name).toBe("cancel_order");
    expect(prediction).toEqual(classifier.classifySync({ modelKey: "es", intents: intentsIn("es"), text: "quiero cancelar mi pedido" }));
    expect(encoder.texts).toEqual([]);
  });

  it("still embeds an English step's phrases and messages", async () => {
    const encoder = countingEncoder();
    await new LocalIntentClassifier(encoder).classify({ modelKey: "en", intents: intentsIn("en"), text: "cancel my order" });
    expect(encoder.texts).toContain("cancel my order");
  });
});

describe("a knowledge base in Spanish", () => {
  const articles = [
    { id: "a1", slug: "devoluciones", title: "Devoluciones y reembolsos", tags: [], body: "Puedes devolver cualquier artículo en 30 días. El reembolso llega a tu tarjeta en 5 días." },
    { id: "a2", slug: "envios", title: "Plazos de envío", tags: [], body: "Los pedidos se envían en 24 horas y llegan en 3 a 5 días laborables." },
    { id: "a3", slug: "contrasena", title: "Cambiar la contraseña", tags: [], body: "Para restablecer tu contraseña, pulsa «He olvidado mi contraseña» en la página de acceso." },
  ];

  it("finds articles through inflections and missing accents, on words alone", async () => {
    const encoder = countingEncoder();
    const index = new KnowledgeIndex({ encoder, language: "es" });
    for (const article of articles) index.upsert(article);
    expect(index.query("¿cómo devuelvo unas zapatillas? quiero mi devolucion")[0]?.slug).toBe("devoluciones");
    expect(index.query("¿cuándo llegará mi envio?")[0]?.slug).toBe("envios");
    expect(index.query("olvidé la contraseña")[0]?.slug).toBe("contrasena");
    const ranked = await rankArticles(index, "he olvidado mi contraseña");
    expect(ranked[0]?.id).toBe("a3");
    expect(encoder.texts).toEqual([]);
  });
});
