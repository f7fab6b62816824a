import { describe, expect, it } from "vitest";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation } from "./helpers";

const ARTICLES = [{ id: "a1", slug: "envios", title: "Envíos", body: "Los envíos estándar tardan de 3 a 5 días laborables.", tags: [] }];

function spanishFlow() {
  return buildFlow(
    [
      ["s", "start", { greeting: "¡Hola!" }],
      ["k", "kb", { minScore: 0.3 }],
      ["c", "collect", { field: "email", question: "¿Cuál es tu correo?", type: "email", retries: 1 }],
      ["x", "escalate", { team: "support" }],
      ["e", "end", { text: "¡Gracias!" }],
    ],
    [["s", "next", "k"], ["k", "answered", "e"], ["k", "notFound", "x"], ["k", "notHelpful", "c"], ["c", "captured", "x"], ["c", "failed", "x"]],
    { locale: "es-MX" },
  );
}

describe("the bot's own texts follow the flow's locale", () => {
  it("speaks Spanish in prompts, feedback, hints and the rating question", async () => {
    const conversation = new Conversation(compileClean(spanishFlow()), createFakeEngines({ articles: ARTICLES }));
    const start = await conversation.start();
    expect(start.messages.map((m) => m.text)).toEqual(["¡Hola!", "¿Qué te gustaría saber?"]);
    const answer = await conversation.say("¿cuántos días tardan los envíos estándar?");
    expect(answer.messages[1]).toMatchObject({ text: "¿Te ha servido?", choices: ["Sí", "No"] });
    expect((await conversation.say("No")).messages.map((m) => m.text)).toEqual(["¿Cuál es tu correo?"]);
    expect((await conversation.say("no tengo")).messages.map((m) => m.text)).toEqual(["Eso no parece un correo electrónico. Escríbelo así: nombre@ejemplo.com."]);
    const handoff = await conversation.say("ana@ejemplo.com");
    // The handoff notice is the runtime's, in Spanish with the team's name (tests/integration/handoff-notice.test.ts).
    expect(handoff.status).toBe("handoff");
    expect(handoff.messages).toEqual([]);
  });

  it("reads a Spanish yes to the feedback question and asks for a rating in Spanish", async () => {
    const conversation = new Conversation(compileClean(spanishFlow()), createFakeEngines({ articles: ARTICLES }));
    await conversation.start();
    await conversation.say("envíos estándar días");
    const yes = await conversation.say("Sí");
    expect(yes.messages).toEqual([
      { role: "bot", text: "¡Gracias!", nodeId: "e" },
      { role: "bot", text: "¿Cómo valorarías esta conversación?", csat: true, nodeId: "e" },
    ]);
  });
});
