/**
 * The hosted chat page's own texts (not the flow's messages) in the languages Baton's bot texts
 * support: the customer's language once a "Detect language" step has told it (the conversation's
 * details carry it), else the flow's `settings.locale`, like the bot's phrases (nodes/shared/phrases).
 * Client-safe; the chat window chooses them (components/chat-window.tsx), the editor's preview stays English.
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
  /** `question`, `yes`, `no`: when the flow's KB step did not word "Did this help?" itself. */
  kb: { thanksHelpful: string; thanksNotHelpful: string; source: string; question: string; yes: string; no: string };
  actions: { tryAgain: string; startOver: string; retryNow: string; dismiss: string; send: string; close: string };
  /** What screen readers announce for the parts that show no words. */
  labels: { message: string; conversation: string; transcript: string; suggestedReplies: string; youSaid: string; stars: string; star: (value: number, label: string) => string };
  notSent: (error: string) => string;
  reconnecting: string;
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
  kb: { thanksHelpful: "Glad it helped — thanks for letting us know.", thanksNotHelpful: "Thanks — we'll find you a better answer.", source: "From our help center", question: "Did this help?", yes: "Yes", no: "No" },
  actions: { tryAgain: "Try again", startOver: "Start a new conversation", retryNow: "Retry now", dismiss: "Dismiss", send: "Send message", close: "Close chat" },
  labels: { message: "Message", conversation: "Conversation", transcript: "Conversation transcript", suggestedReplies: "Suggested replies", youSaid: "You said:", stars: "Rate this conversation from 1 to 5", star: (value, label) => `${value} of 5: ${label}` },
  notSent: (error) => `Not sent: ${error}`,
  reconnecting: "Reconnecting… messages you send will be delivered.",
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
  kb: { thanksHelpful: "Nos alegra haberte ayudado. ¡Gracias por decírnoslo!", thanksNotHelpful: "Gracias. Buscaremos una respuesta mejor.", source: "De nuestro centro de ayuda", question: "¿Te ha servido?", yes: "Sí", no: "No" },
  actions: { tryAgain: "Reintentar", startOver: "Empezar una conversación nueva", retryNow: "Reintentar ahora", dismiss: "Descartar", send: "Enviar mensaje", close: "Cerrar el chat" },
  labels: { message: "Mensaje", conversation: "Conversación", transcript: "Transcripción de la conversación", suggestedReplies: "Respuestas sugeridas", youSaid: "Has dicho:", stars: "Valora esta conversación del 1 al 5", star: (value, label) => `${value} de 5: ${label}` },
  notSent: (error) => `No enviado: ${error}`,
  reconnecting: "Reconectando… los mensajes que envíes se entregarán.",
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
  kb: { thanksHelpful: "Ravi d'avoir pu aider, merci de nous l'avoir dit.", thanksNotHelpful: "Merci, nous allons vous trouver une meilleure réponse.", source: "De notre centre d'aide", question: "Cela vous a-t-il aidé ?", yes: "Oui", no: "Non" },
  actions: { tryAgain: "Réessayer", startOver: "Commencer une nouvelle conversation", retryNow: "Réessayer maintenant", dismiss: "Ignorer", send: "Envoyer le message", close: "Fermer la discussion" },
  labels: { message: "Message", conversation: "Conversation", transcript: "Historique de la conversation", suggestedReplies: "Réponses suggérées", youSaid: "Vous avez écrit :", stars: "Notez cette conversation de 1 à 5", star: (value, label) => `${value} sur 5 : ${label}` },
  notSent: (error) => `Non envoyé : ${error}`,
  reconnecting: "Reconnexion… les messages que vous envoyez seront transmis.",
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
  kb: { thanksHelpful: "Schön, dass es geholfen hat — danke für die Rückmeldung.", thanksNotHelpful: "Danke — wir suchen eine bessere Antwort.", source: "Aus unserem Hilfe-Center", question: "Hat das geholfen?", yes: "Ja", no: "Nein" },
  actions: { tryAgain: "Erneut versuchen", startOver: "Neues Gespräch beginnen", retryNow: "Jetzt erneut senden", dismiss: "Verwerfen", send: "Nachricht senden", close: "Chat schließen" },
  labels: { message: "Nachricht", conversation: "Gespräch", transcript: "Gesprächsverlauf", suggestedReplies: "Antwortvorschläge", youSaid: "Sie schrieben:", stars: "Bewerten Sie dieses Gespräch von 1 bis 5", star: (value, label) => `${value} von 5: ${label}` },
  notSent: (error) => `Nicht gesendet: ${error}`,
  reconnecting: "Verbindung wird wiederhergestellt… Ihre Nachrichten werden zugestellt.",
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
  kb: { thanksHelpful: "Que bom que ajudou — obrigado por nos contar.", thanksNotHelpful: "Obrigado — vamos encontrar uma resposta melhor.", source: "Da nossa central de ajuda", question: "Isso ajudou?", yes: "Sim", no: "Não" },
  actions: { tryAgain: "Tentar de novo", startOver: "Começar uma nova conversa", retryNow: "Tentar agora", dismiss: "Descartar", send: "Enviar mensagem", close: "Fechar o chat" },
  labels: { message: "Mensagem", conversation: "Conversa", transcript: "Histórico da conversa", suggestedReplies: "Respostas sugeridas", youSaid: "Você disse:", stars: "Avalie esta conversa de 1 a 5", star: (value, label) => `${value} de 5: ${label}` },
  notSent: (error) => `Não enviada: ${error}`,
  reconnecting: "Reconectando… as mensagens que você enviar serão entregues.",
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
