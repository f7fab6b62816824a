/** The chat page's own texts follow the flow's language; English is the fallback. */
import { describe, expect, it } from "vitest";
import { chatTextsFor } from "~/chat/chat-texts";
import { describeStatus, formatWait } from "~/chat/format";
import { SUPPORTED_LOCALES } from "~/flow";

describe("chat page texts", () => {
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
