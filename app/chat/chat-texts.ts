/**
 * The hosted chat page's own texts (not the flow's messages) in the languages Baton's bot texts
 * support: the customer's language once a "Detect language" step has told it (the conversation's
 * details carry it), else the flow's `settings.locale`, like the bot's phrases (nodes/shared/phrases).
 * Client-safe; the chat window chooses them (components/chat-window.tsx), the editor's preview stays English.
 */
import { createContext, useContext } from "react";

export type ChatTexts = {
  /** BCP 47 language for dates (weekday names in "we reply from Monday 09:00"). */
  locale: string;
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
  /** A message longer than the limit, both numbers already formatted for the language ("9,512", "4,000"). */
  tooLong: (length: string, limit: string) => string;
  /** `team` is the team's display name, or null when the conversation has none yet. */
  queue: { title: (team: string | null) => string; text: string; hint: string };
  status: { bot: string; waiting: (team: string | null, wait: string) => string; open: (agent: string | null, team: string | null) => string; resolved: string };
  wait: { unknown: string; minute: string; minutes: (n: number) => string; hours: (n: number) => string };
  /** The handoff notice when nobody can answer soon; `when` is e.g. "Monday 09:00 (Europe/Berlin)". */
  away: {
    closedTitle: string;
    closed: (when: string) => string;
    closedNoOpening: string;
    offlineTitle: (team: string | null) => string;
    offline: string;
    statusClosed: (when: string) => string;
    statusOffline: string;
    emailPrompt: string;
    emailLabel: string;
    emailButton: string;
    emailSaved: (email: string) => string;
    emailInvalid: string;
    emailFailed: string;
    day: { today: string; tomorrow: string };
  };
};

const en: ChatTexts = {
  locale: "en",
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
  tooLong: (length, limit) => `Your message is ${length} characters; the limit is ${limit}. Shorten it or send it in parts.`,
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
  away: {
    closedTitle: "We're closed now",
    closed: (when) => `We reply from ${when}. Your conversation stays in the queue and a person will answer here.`,
    closedNoOpening: "No one can answer for now. Your conversation stays in the queue and a person will answer here.",
    offlineTitle: (team) => `No one from the ${team ? `${team} team` : "team"} is online right now`,
    offline: "Your conversation stays in the queue, and a person will answer here as soon as someone is back.",
    statusClosed: (when) => `replies from ${when}`,
    statusOffline: "no one online right now",
    emailPrompt: "Leave your email so the team can get back to you even if you close this page.",
    emailLabel: "Your email",
    emailButton: "Leave email",
    emailSaved: (email) => `Thanks — the team will see ${email} with your conversation.`,
    emailInvalid: "Please enter an email address like name@example.com.",
    emailFailed: "Your email could not be saved. Please try again.",
    day: { today: "today", tomorrow: "tomorrow" },
  },
};

const es: ChatTexts = {
  locale: "es",
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
  tooLong: (length, limit) => `Tu mensaje tiene ${length} caracteres; el límite es ${limit}. Acórtalo o envíalo en varias partes.`,
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
  away: {
    closedTitle: "Ahora estamos cerrados",
    closed: (when) => `Respondemos a partir del ${when}. Tu conversación sigue en la cola y una persona te responderá aquí.`,
    closedNoOpening: "Ahora nadie puede responder. Tu conversación sigue en la cola y una persona te responderá aquí.",
    offlineTitle: (team) => `Ahora no hay nadie del ${team ? `equipo de ${team}` : "equipo"} conectado`,
    offline: "Tu conversación sigue en la cola y una persona te responderá aquí en cuanto alguien vuelva.",
    statusClosed: (when) => `responde a partir del ${when}`,
    statusOffline: "nadie conectado ahora",
    emailPrompt: "Déjanos tu correo para que el equipo pueda responderte aunque cierres esta página.",
    emailLabel: "Tu correo",
    emailButton: "Dejar correo",
    emailSaved: (email) => `Gracias. El equipo verá ${email} junto a tu conversación.`,
    emailInvalid: "Escribe un correo como nombre@ejemplo.com.",
    emailFailed: "No hemos podido guardar tu correo. Inténtalo de nuevo.",
    day: { today: "hoy", tomorrow: "mañana" },
  },
};

const fr: ChatTexts = {
  locale: "fr",
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
  tooLong: (length, limit) => `Votre message fait ${length} caractères ; la limite est de ${limit}. Raccourcissez-le ou envoyez-le en plusieurs fois.`,
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
  away: {
    closedTitle: "Nous sommes fermés",
    closed: (when) => `Nous répondons à partir de ${when}. Votre conversation reste dans la file et une personne vous répondra ici.`,
    closedNoOpening: "Personne ne peut répondre pour l'instant. Votre conversation reste dans la file et une personne vous répondra ici.",
    offlineTitle: (team) => `Personne de l'${team ? `équipe ${team}` : "équipe"} n'est en ligne`,
    offline: "Votre conversation reste dans la file et une personne vous répondra ici dès son retour.",
    statusClosed: (when) => `répond à partir de ${when}`,
    statusOffline: "personne en ligne",
    emailPrompt: "Laissez votre e-mail pour que l'équipe puisse vous répondre même si vous fermez cette page.",
    emailLabel: "Votre e-mail",
    emailButton: "Laisser mon e-mail",
    emailSaved: (email) => `Merci, l'équipe verra ${email} avec votre conversation.`,
    emailInvalid: "Saisissez une adresse comme nom@exemple.com.",
    emailFailed: "Votre e-mail n'a pas pu être enregistré. Réessayez.",
    day: { today: "aujourd'hui", tomorrow: "demain" },
  },
};

const de: ChatTexts = {
  locale: "de",
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
  tooLong: (length, limit) => `Ihre Nachricht hat ${length} Zeichen; erlaubt sind ${limit}. Kürzen Sie sie oder senden Sie sie in Teilen.`,
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
  away: {
    closedTitle: "Wir sind gerade geschlossen",
    closed: (when) => `Wir antworten ab ${when}. Ihr Gespräch bleibt in der Warteschlange, und eine Person antwortet Ihnen hier.`,
    closedNoOpening: "Gerade kann niemand antworten. Ihr Gespräch bleibt in der Warteschlange, und eine Person antwortet Ihnen hier.",
    offlineTitle: (team) => `Gerade ist niemand vom ${team ? `Team ${team}` : "Team"} online`,
    offline: "Ihr Gespräch bleibt in der Warteschlange, und eine Person antwortet Ihnen hier, sobald jemand zurück ist.",
    statusClosed: (when) => `antwortet ab ${when}`,
    statusOffline: "gerade niemand online",
    emailPrompt: "Hinterlassen Sie Ihre E-Mail-Adresse, damit das Team Ihnen auch antworten kann, wenn Sie diese Seite schließen.",
    emailLabel: "Ihre E-Mail-Adresse",
    emailButton: "E-Mail hinterlassen",
    emailSaved: (email) => `Danke — das Team sieht ${email} bei Ihrem Gespräch.`,
    emailInvalid: "Bitte geben Sie eine Adresse wie name@beispiel.de ein.",
    emailFailed: "Ihre E-Mail-Adresse konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.",
    day: { today: "heute", tomorrow: "morgen" },
  },
};

const pt: ChatTexts = {
  locale: "pt",
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
  tooLong: (length, limit) => `Sua mensagem tem ${length} caracteres; o limite é ${limit}. Encurte-a ou envie-a em partes.`,
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
  away: {
    closedTitle: "Estamos fechados agora",
    closed: (when) => `Respondemos a partir de ${when}. Sua conversa continua na fila e uma pessoa vai responder aqui.`,
    closedNoOpening: "Ninguém pode responder agora. Sua conversa continua na fila e uma pessoa vai responder aqui.",
    offlineTitle: (team) => `Ninguém da ${team ? `equipe ${team}` : "equipe"} está online agora`,
    offline: "Sua conversa continua na fila e uma pessoa vai responder aqui assim que alguém voltar.",
    statusClosed: (when) => `responde a partir de ${when}`,
    statusOffline: "ninguém online agora",
    emailPrompt: "Deixe seu e-mail para que a equipe possa responder mesmo se você fechar esta página.",
    emailLabel: "Seu e-mail",
    emailButton: "Deixar e-mail",
    emailSaved: (email) => `Obrigado — a equipe verá ${email} junto com sua conversa.`,
    emailInvalid: "Digite um e-mail como nome@exemplo.com.",
    emailFailed: "Não foi possível salvar seu e-mail. Tente novamente.",
    day: { today: "hoje", tomorrow: "amanhã" },
  },
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
