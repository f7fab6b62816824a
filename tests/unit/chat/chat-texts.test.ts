/** The chat page's own texts follow the customer's (else the flow's) language; English is the fallback. */
import { describe, expect, it } from "vitest";
import { chatTextsFor, type ChatTexts } from "~/chat/chat-texts";
import { describeStatus, formatWait } from "~/chat/format";
import { SUPPORTED_LOCALES } from "~/flow";

/** Every text by its path ("rating.labels.2"); a wording with details is written with two sample ones. */
function leaves(value: unknown, path = ""): Map<string, string> {
  if (typeof value === "string") return new Map([[path, value]]);
  if (typeof value === "function") return new Map([[path, String((value as (a: string, b: string) => string)("Ada", "Billing"))]]);
  const found = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) for (const [at, text] of leaves(inner, path ? `${path}.${key}` : key)) found.set(at, text);
  return found;
}

describe("chat page texts", () => {
  it("has every key, nested ones included, in every language, each a non-empty text that keeps its details", () => {
    const english = leaves(chatTextsFor("en"));
    expect(english.size).toBeGreaterThan(40);
    for (const locale of SUPPORTED_LOCALES) {
      const texts: ChatTexts = chatTextsFor(locale);
      const translated = leaves(texts);
      expect([...translated.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [path, text] of translated) {
        expect(text.trim(), `${locale} ${path}`).not.toBe("");
        // A wording with a team, agent, wait or error in English keeps it in every language.
        for (const detail of ["Ada", "Billing"]) if (english.get(path)!.includes(detail)) expect(text, `${locale} ${path}`).toContain(detail);
      }
      // Words that are the same in both ("Bot", "No", "Conversation") are fine; whole texts left in English are not.
      const same = [...translated].filter(([path, text]) => text === english.get(path)).length;
      if (locale !== "en") expect(same / english.size, locale).toBeLessThan(0.15);
    }
  });

  it("has every text in every language the bot speaks, none left in English by mistake", () => {
    const english = chatTextsFor("en");
    for (const locale of SUPPORTED_LOCALES.filter((code) => code !== "en")) {
      const texts = chatTextsFor(locale);
      expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
      expect(texts.placeholder).not.toBe(english.placeholder);
      expect(texts.rating.question).not.toBe(english.rating.question);
      expect(texts.queue.title("Billing")).toContain("Billing");
      expect(texts.rating.labels).toHaveLength(5);
    }
  });

  it("picks the language from a locale like pt-BR, and English for anything else", () => {
    expect(chatTextsFor("pt-BR").placeholder).toBe("Escreva uma mensagem…");
    expect(chatTextsFor("ja").placeholder).toBe("Write a message…");
    expect(chatTextsFor(null).placeholder).toBe("Write a message…");
  });

  it("writes the header's status line and the wait in the flow's language", () => {
    const es = chatTextsFor("es");
    expect(describeStatus("waiting", { team: { slug: "billing", name: "Facturación" }, waitMinutes: 4, assignee: null }, es)).toBe("Esperando al equipo de Facturación · alrededor\u00a0de\u00a04\u00a0min");
    expect(describeStatus("open", { team: { slug: "billing", name: "Facturación" }, waitMinutes: null, assignee: { name: "Ana", initials: "AN", team: null } }, es)).toBe("Ana, de Facturación");
    expect(formatWait(130, chatTextsFor("de"))).toBe("etwa 2 Std.");
    expect(describeStatus("bot", { team: null, waitMinutes: null, assignee: null })).toBe("Bot · replies instantly");
  });
});
