/**
 * The system lines a person's actions write to the customer (joined, left, reopened, the default
 * hand-back line), in each of the five languages, chosen like every bot phrase by locale ("pt-BR" → pt).
 * The runtime picks the customer's detected language first (tests/integration/customer-language.test.ts).
 */
import { describe, expect, it } from "vitest";
import { phrasesFor, SUPPORTED_LOCALES } from "~/flow";

const EXPECTED: Record<string, { joined: string; left: string; reopened: string; handBack: string }> = {
  en: {
    joined: "Ana joined the conversation.",
    left: "Ana left the conversation. Someone else from the team will reply here.",
    reopened: "Ana reopened this conversation and will reply here.",
    handBack: "You're back with our assistant — I'll take it from here.",
  },
  es: {
    joined: "Ana se ha unido a la conversación.",
    left: "Ana ha salido de la conversación. Otra persona del equipo te responderá aquí.",
    reopened: "Ana ha reabierto esta conversación y te responderá aquí.",
    handBack: "Vuelves a hablar con nuestro asistente: sigo yo desde aquí.",
  },
  fr: {
    joined: "Ana a rejoint la conversation.",
    left: "Ana a quitté la conversation. Une autre personne de l'équipe vous répondra ici.",
    reopened: "Ana a rouvert cette conversation et vous répondra ici.",
    handBack: "Vous êtes de retour avec notre assistant : je prends le relais.",
  },
  de: {
    joined: "Ana ist dem Gespräch beigetreten.",
    left: "Ana hat das Gespräch verlassen. Eine andere Person aus dem Team antwortet Ihnen hier.",
    reopened: "Ana hat dieses Gespräch wieder geöffnet und antwortet Ihnen hier.",
    handBack: "Sie sind wieder bei unserem Assistenten – ich übernehme ab hier.",
  },
  pt: {
    joined: "Ana entrou na conversa.",
    left: "Ana saiu da conversa. Outra pessoa da equipe responderá aqui.",
    reopened: "Ana reabriu esta conversa e responderá aqui.",
    handBack: "Você está de volta com o nosso assistente: eu continuo daqui.",
  },
};

describe("the lines people's actions write, per language", () => {
  it("covers every language the bot speaks", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  for (const [locale, expected] of Object.entries(EXPECTED)) {
    it(`says who joined or left, and hands back, in ${locale}`, () => {
      const phrases = phrasesFor(locale);
      expect(phrases.joined("Ana")).toBe(expected.joined);
      expect(phrases.left("Ana")).toBe(expected.left);
      expect(phrases.reopened("Ana")).toBe(expected.reopened);
      expect(phrases.handBack).toBe(expected.handBack);
    });
  }

  it("reads a regional locale by its language and falls back to English for others", () => {
    expect(phrasesFor("pt-BR").joined("Ben")).toBe("Ben entrou na conversa.");
    expect(phrasesFor("es_MX").joined("Ben")).toBe("Ben se ha unido a la conversación.");
    expect(phrasesFor("it").joined("Ben")).toBe("Ben joined the conversation.");
    expect(phrasesFor(undefined).joined("Ben")).toBe("Ben joined the conversation.");
  });
});
