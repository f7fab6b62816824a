/**
 * The hosted chat page's own texts (not the flow's messages) in the languages Baton's bot texts
 * support, chosen by the flow's `settings.locale` like the bot's phrases (nodes/shared/phrases).
 * Client-safe; the page gets the locale from its loader, the editor's preview stays English.
 */
import { createContext, useContext } from "react";

export type ChatTexts = {
  placeholder: string;
  placeholderAfterEnd: string;
  startFailed: string;
  poweredBy: string;
  speakers: { customer: string; bot: string; agent: string; system: string };
  sending: string;
  retrying: string;
  rating: { question: string; thanks: string; failed: string; tap: string; labels: [string, string, string, string, string] };
  kb: { thanksHelpful: string; thanksNotHelpful: string };
  /** `team` is the team's display name, or null when the conversation has none yet. */
  queue: { title: (team: string | null) => string; text: string; hint: string };
  status: { bot: string; waiting: (team: string | null, wait: string) => string; open: (agent: string | null, team: string | null) => string; resolved: string };
  wait: { unknown: string; minute: string; minutes: (n: number) => string; hours: (n: number) => string };
};

const en: ChatTexts = {
  placeholder: "Write a message…",
  placeholderAfterEnd: "Ask something else…",
  startFailed: "We couldn't start the chat. Check your connection and try again.",
  poweredBy: "Powered by",
  speakers: { customer: "You", bot: "Bot", agent: "Agent", system: "Notice" },
  sending: "Sending…",
  retrying: "Not sent — retrying",
  rating: { question: "How was your conversation?", thanks: "Thanks for your rating!", failed: "Your rating could not be saved. Please try again.", tap: "Tap a star", labels: ["Terrible", "Bad", "Okay", "Good", "Great"] },
  kb: { thanksHelpful: "Glad it helped — thanks for letting us know.", thanksNotHelpful: "Thanks — we'll find you a better answer." },
  queue: {
    title: (team) => `You're in the queue for our ${team ? `${team} team` : "support team"}`,
    text: "A person will answer right here. Typical wait:",
    hint: "You can close this page — your conversation will be here when you come back.",
  },
  status: {
    bot: "Bot · replies instantly",
    waiting: (team, wait) => `Waiting for the ${team ? `${team} team` : "team"} · ${wait}`,
    open: (agent, team) => (agent ? (team ? `${agent} from ${team}` : agent) : team ? `${team} team` : "Support team"),
    resolved: "Conversation resolved",
  },
  wait: { unknown: "a few minutes", minute: "about 1 min", minutes: (n) => `about ${n} min`, hours: (n) => `about ${n} h` },
};

const es: ChatTexts = {
  placeholder: "Escribe un mensaje…",
  placeholderAfterEnd: "Pregunta otra cosa…",
  startFailed: "No hemos podido iniciar el chat. Comprueba tu conexión e inténtalo de nuevo.",
  poweredBy: "Con la tecnología de",
  speakers: { customer: "Tú", bot: "Bot", agent: "Agente", system: "Aviso" },
  sending: "Enviando…",
  retrying: "No enviado — reintentando",
  rating: { question: "¿Qué tal ha ido la conversación?", thanks: "¡Gracias por tu valoración!", failed: "No hemos podido guardar tu valoración. Inténtalo de nuevo.", tap: "Toca una estrella", labels: ["Pésima", "Mala", "Normal", "Buena", "Excelente"] },
  kb: { thanksHelpful: "Nos alegra haberte ayudado. ¡Gracias por decírnoslo!", thanksNotHelpful: "Gracias. Buscaremos una respuesta mejor." },
  queue: {
    title: (team) => `Estás en la cola de nuestro ${team ? `equipo de ${team}` : "equipo de soporte"}`,
    text: "Una persona te responderá aquí mismo. Espera habitual:",
    hint: "Puedes cerrar esta página: tu conversación seguirá aquí cuando vuelvas.",
  },
  status: {
    bot: "Bot · responde al instante",
    waiting: (team, wait) => `Esperando al ${team ? `equipo de ${team}` : "equipo"} · ${wait}`,
    open: (agent, team) => (agent ? (team ? `${agent}, de ${team}` : agent) : team ? `Equipo de ${team}` : "Equipo de soporte"),
    resolved: "Conversación resuelta",
  },
  wait: { unknown: "unos minutos", minute: "alrededor de 1 min", minutes: (n) => `alrededor de ${n} min`, hours: (n) => `alrededor de ${n} h` },
};

const fr: ChatTexts = {
  placeholder: "Écrivez un message…",
  placeholderAfterEnd: "Posez une autre question…",
  startFailed: "Impossible de démarrer la discussion. Vérifiez votre connexion et réessayez.",
  poweredBy: "Propulsé par",
  speakers: { customer: "Vous", bot: "Bot", agent: "Agent", system: "Avis" },
  sending: "Envoi…",
  retrying: "Non envoyé — nouvel essai",
  rating: { question: "Comment s'est passée cette conversation ?", thanks: "Merci pour votre note !", failed: "Votre note n'a pas pu être enregistrée. Réessayez.", tap: "Touchez une étoile", labels: ["Très mauvaise", "Mauvaise", "Correcte", "Bonne", "Excellente"] },
  kb: { thanksHelpful: "Ravi d'avoir pu aider, merci de nous l'avoir dit.", thanksNotHelpful: "Merci, nous allons vous trouver une meilleure réponse." },
  queue: {
    title: (team) => `Vous êtes dans la file de notre ${team ? `équipe ${team}` : "équipe support"}`,
    text: "Une personne vous répondra ici même. Attente habituelle :",
    hint: "Vous pouvez fermer cette page : votre conversation sera là à votre retour.",
  },
  status: {
    bot: "Bot · répond immédiatement",
    waiting: (team, wait) => `En attente de l'${team ? `équipe ${team}` : "équipe"} · ${wait}`,
    open: (agent, team) => (agent ? (team ? `${agent}, équipe ${team}` : agent) : team ? `Équipe ${team}` : "Équipe support"),
    resolved: "Conversation résolue",
  },
  wait: { unknown: "quelques minutes", minute: "environ 1 min", minutes: (n) => `environ ${n} min`, hours: (n) => `environ ${n} h` },
};

const de: ChatTexts = {
  placeholder: "Nachricht schreiben…",
  placeholderAfterEnd: "Etwas anderes fragen…",
  startFailed: "Der Chat konnte nicht gestartet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  poweredBy: "Bereitgestellt von",
  speakers: { customer: "Sie", bot: "Bot", agent: "Mitarbeiter", system: "Hinweis" },
  sending: "Wird gesendet…",
  retrying: "Nicht gesendet — neuer Versuch",
  rating: { question: "Wie war das Gespräch?", thanks: "Danke für Ihre Bewertung!", failed: "Ihre Bewertung konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.", tap: "Tippen Sie auf einen Stern", labels: ["Sehr schlecht", "Schlecht", "Okay", "Gut", "Sehr gut"] },
  kb: { thanksHelpful: "Schön, dass es geholfen hat — danke für die Rückmeldung.", thanksNotHelpful: "Danke — wir suchen eine bessere Antwort." },
  queue: {
    title: (team) => `Sie warten auf unser ${team ? `Team ${team}` : "Support-Team"}`,
    text: "Eine Person antwortet Ihnen genau hier. Übliche Wartezeit:",
    hint: "Sie können diese Seite schließen — Ihr Gespräch ist noch da, wenn Sie zurückkommen.",
  },
  status: {
    bot: "Bot · antwortet sofort",
    waiting: (team, wait) => `Wartet auf das ${team ? `Team ${team}` : "Team"} · ${wait}`,
    open: (agent, team) => (agent ? (team ? `${agent} vom Team ${team}` : agent) : team ? `Team ${team}` : "Support-Team"),
    resolved: "Gespräch abgeschlossen",
  },
  wait: { unknown: "ein paar Minuten", minute: "etwa 1 Min.", minutes: (n) => `etwa ${n} Min.`, hours: (n) => `etwa ${n} Std.` },
};

const pt: ChatTexts = {
  placeholder: "Escreva uma mensagem…",
  placeholderAfterEnd: "Pergunte outra coisa…",
  startFailed: "Não foi possível iniciar o chat. Verifique sua conexão e tente novamente.",
  poweredBy: "Com tecnologia",
  speakers: { customer: "Você", bot: "Bot", agent: "Atendente", system: "Aviso" },
  sending: "Enviando…",
  retrying: "Não enviada — tentando de novo",
  rating: { question: "Como foi a conversa?", thanks: "Obrigado pela sua avaliação!", failed: "Não foi possível salvar sua avaliação. Tente novamente.", tap: "Toque em uma estrela", labels: ["Péssima", "Ruim", "Ok", "Boa", "Ótima"] },
  kb: { thanksHelpful: "Que bom que ajudou — obrigado por nos contar.", thanksNotHelpful: "Obrigado — vamos encontrar uma resposta melhor." },
  queue: {
    title: (team) => `Você está na fila da nossa ${team ? `equipe ${team}` : "equipe de suporte"}`,
    text: "Uma pessoa vai responder aqui mesmo. Espera típica:",
    hint: "Você pode fechar esta página — sua conversa estará aqui quando voltar.",
  },
  status: {
    bot: "Bot · responde na hora",
    waiting: (team, wait) => `Aguardando a ${team ? `equipe ${team}` : "equipe"} · ${wait}`,
    open: (agent, team) => (agent ? (team ? `${agent}, da equipe ${team}` : agent) : team ? `Equipe ${team}` : "Equipe de suporte"),
    resolved: "Conversa resolvida",
  },
  wait: { unknown: "alguns minutos", minute: "cerca de 1 min", minutes: (n) => `cerca de ${n} min`, hours: (n) => `cerca de ${n} h` },
};

const CATALOG: Record<string, ChatTexts> = { en, es, fr, de, pt };

export function chatTextsFor(locale: string | undefined | null): ChatTexts {
  const language = (locale ?? "en").toLowerCase().split(/[-_]/)[0];
  return CATALOG[language] ?? en;
}

export const ChatTextsContext = createContext<ChatTexts>(en);

export function useChatTexts(): ChatTexts {
  return useContext(ChatTextsContext);
}
