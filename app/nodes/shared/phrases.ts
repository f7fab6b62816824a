/**
 * What the bot itself says (as opposed to the texts a flow author writes), in the languages the
 * global triggers understand. Chosen by the flow's `settings.locale` ("es", "pt-BR" → "pt");
 * anything else is English. Field names in hints are only used in English, where they read well.
 */
export type Phrases = {
  kbPrompt: string;
  /** An intent step's answer to a message that is not a request (greeting, thanks, …): it then waits for the request. */
  social: Record<"greeting" | "thanks" | "goodbye" | "smalltalk" | "contact", string>;
  feedbackQuestion: string;
  feedbackChoices: [string, string];
  /** A kb step unsure of its answer offers the closest articles as buttons, and a way to say none fits. */
  kbSuggest: string;
  kbNoneOfThese: string;
  /** An intent step unsure of the customer's message offers its closest intents as buttons ("Did you mean…?"), and a way to say none fits. */
  intentOffer: string;
  intentSomethingElse: string;
  csatQuestion: string;
  /**
   * The handoff notice (a system line, not the bot speaking); `team` is the team's display name.
   * It promises no time: the chat's card under it says whether the team is open, closed or has no
   * one online, and "shortly" above "We're closed now" contradicted it.
   */
  handoff: (team: string) => string;
  /** Said when an agent hands the conversation back to the bot, unless the flow sets its own line. */
  handBack: string;
  /** The system line when a person takes the conversation; `name` is their first name. */
  joined: (name: string) => string;
  /** The system line when that person stops working (deactivated or removed) and the conversation goes back to the queue. */
  left: (name: string) => string;
  /** The system line when a person resolves the conversation, just above the rating card; `name` is their first name. */
  resolved: (name: string) => string;
  /** The system line when a person reopens a resolved conversation; `name` is their first name. */
  reopened: (name: string) => string;
  hints: {
    empty: (field: string) => string;
    email: string;
    phone: string;
    number: string;
    /** `expected`: the step's format in English words ("10 digits"), when it has a preset one. */
    pattern: (field: string, expected?: string) => string;
    choice: (choices: string) => string;
    date: string;
    yesno: string;
  };
};

const en: Phrases = {
  kbPrompt: "What would you like to know?",
  social: {
    greeting: "Hi! What can I help you with?",
    thanks: "You're welcome! Is there anything else I can help with?",
    goodbye: "Thanks for getting in touch. If there's anything else, just write here.",
    smalltalk: "I'm the assistant here, happy to help. What can I do for you?",
    contact: "Thanks, got it. What can I help you with?",
  },
  feedbackQuestion: "Did this help?",
  feedbackChoices: ["Yes", "No"],
  kbSuggest: "These articles might help. Which one fits your question?",
  kbNoneOfThese: "None of these",
  intentOffer: "Did you mean one of these?",
  intentSomethingElse: "Something else",
  csatQuestion: "How would you rate this conversation?",
  handoff: (team) => `You're being connected to our ${team} team. A person will reply in this chat.`,
  handBack: "You're back with our assistant — I'll take it from here.",
  joined: (name) => `${name} joined the conversation.`,
  left: (name) => `${name} left the conversation. Someone else from the team will reply here.`,
  resolved: (name) => `${name} marked this conversation as resolved. Write again any time.`,
  reopened: (name) => `${name} reopened this conversation and will reply here.`,
  hints: {
    empty: (field) => `I didn't catch that. Please type your ${field}.`,
    email: "That doesn't look like an email address. Please type it like name@example.com.",
    phone: "That doesn't look like a phone number. Please type the digits, for example +1 555 010 2030.",
    number: "Please answer with a number, for example 2.",
    pattern: (field, expected) =>
      expected ? `That doesn't look like a valid ${field}: it should be ${expected}. Please check it and try again.` : `That doesn't look like a valid ${field}. Please check it and try again.`,
    choice: (choices) => `Please choose one of: ${choices}.`,
    date: "Please give a date like 2026-03-12 or 12/03/2026.",
    yesno: "Please answer yes or no.",
  },
};

const es: Phrases = {
  kbPrompt: "¿Qué te gustaría saber?",
  social: {
    greeting: "¡Hola! ¿En qué puedo ayudarte?",
    thanks: "¡De nada! ¿Hay algo más en lo que pueda ayudarte?",
    goodbye: "Gracias por escribirnos. Si necesitas algo más, escribe aquí.",
    smalltalk: "Soy el asistente y estoy aquí para ayudarte. ¿Qué necesitas?",
    contact: "Gracias, anotado. ¿En qué puedo ayudarte?",
  },
  feedbackQuestion: "¿Te ha servido?",
  feedbackChoices: ["Sí", "No"],
  kbSuggest: "Estos artículos podrían ayudarte. ¿Cuál responde a tu pregunta?",
  kbNoneOfThese: "Ninguno de estos",
  intentOffer: "¿Te refieres a una de estas opciones?",
  intentSomethingElse: "Otra cosa",
  csatQuestion: "¿Cómo valorarías esta conversación?",
  handoff: (team) => `Te estamos pasando con nuestro equipo de ${team}. Una persona te responderá en este chat.`,
  handBack: "Vuelves a hablar con nuestro asistente: sigo yo desde aquí.",
  joined: (name) => `${name} se ha unido a la conversación.`,
  left: (name) => `${name} ha salido de la conversación. Otra persona del equipo te responderá aquí.`,
  resolved: (name) => `${name} ha marcado esta conversación como resuelta. Escríbenos cuando quieras.`,
  reopened: (name) => `${name} ha reabierto esta conversación y te responderá aquí.`,
  hints: {
    empty: () => "No he recibido nada. ¿Puedes escribirlo de nuevo?",
    email: "Eso no parece un correo electrónico. Escríbelo así: nombre@ejemplo.com.",
    phone: "Eso no parece un número de teléfono. Escribe los dígitos, por ejemplo +34 600 000 000.",
    number: "Responde con un número, por ejemplo 2.",
    pattern: () => "Eso no parece válido. Revísalo e inténtalo de nuevo.",
    choice: (choices) => `Elige una de estas opciones: ${choices}.`,
    date: "Indica una fecha como 2026-03-12 o 12/03/2026.",
    yesno: "Responde sí o no, por favor.",
  },
};

const fr: Phrases = {
  kbPrompt: "Que souhaitez-vous savoir ?",
  social: {
    greeting: "Bonjour ! Comment puis-je vous aider ?",
    thanks: "Avec plaisir ! Puis-je vous aider pour autre chose ?",
    goodbye: "Merci de nous avoir écrit. Pour toute autre question, écrivez ici.",
    smalltalk: "Je suis l'assistant, ici pour vous aider. Que puis-je faire pour vous ?",
    contact: "Merci, c'est noté. Comment puis-je vous aider ?",
  },
  feedbackQuestion: "Est-ce que cela vous a aidé ?",
  feedbackChoices: ["Oui", "Non"],
  kbSuggest: "Ces articles pourraient vous aider. Lequel correspond à votre question ?",
  kbNoneOfThese: "Aucun de ceux-ci",
  intentOffer: "Vouliez-vous dire l'une de ces options ?",
  intentSomethingElse: "Autre chose",
  csatQuestion: "Comment évalueriez-vous cette conversation ?",
  handoff: (team) => `Nous vous mettons en relation avec notre équipe ${team}. Une personne vous répondra dans ce chat.`,
  handBack: "Vous êtes de retour avec notre assistant : je prends le relais.",
  joined: (name) => `${name} a rejoint la conversation.`,
  left: (name) => `${name} a quitté la conversation. Une autre personne de l'équipe vous répondra ici.`,
  resolved: (name) => `${name} a marqué cette conversation comme résolue. Écrivez-nous quand vous voulez.`,
  reopened: (name) => `${name} a rouvert cette conversation et vous répondra ici.`,
  hints: {
    empty: () => "Je n'ai rien reçu. Pouvez-vous l'écrire à nouveau ?",
    email: "Cela ne ressemble pas à une adresse e-mail. Écrivez-la comme nom@exemple.com.",
    phone: "Cela ne ressemble pas à un numéro de téléphone. Écrivez les chiffres, par exemple +33 6 12 34 56 78.",
    number: "Répondez avec un nombre, par exemple 2.",
    pattern: () => "Cela ne semble pas valide. Vérifiez et réessayez.",
    choice: (choices) => `Choisissez l'une de ces options : ${choices}.`,
    date: "Indiquez une date comme 2026-03-12 ou 12/03/2026.",
    yesno: "Répondez par oui ou par non, s'il vous plaît.",
  },
};

const de: Phrases = {
  kbPrompt: "Was möchten Sie wissen?",
  social: {
    greeting: "Hallo! Wobei kann ich Ihnen helfen?",
    thanks: "Gern geschehen! Kann ich Ihnen noch bei etwas anderem helfen?",
    goodbye: "Danke für Ihre Nachricht. Wenn noch etwas ist, schreiben Sie einfach hier.",
    smalltalk: "Ich bin der Assistent und helfe Ihnen gern. Was kann ich für Sie tun?",
    contact: "Danke, notiert. Wobei kann ich Ihnen helfen?",
  },
  feedbackQuestion: "Hat Ihnen das geholfen?",
  feedbackChoices: ["Ja", "Nein"],
  kbSuggest: "Diese Artikel könnten helfen. Welcher passt zu Ihrer Frage?",
  kbNoneOfThese: "Keiner davon",
  intentOffer: "Meinten Sie eines davon?",
  intentSomethingElse: "Etwas anderes",
  csatQuestion: "Wie bewerten Sie dieses Gespräch?",
  handoff: (team) => `Sie werden mit unserem Team ${team} verbunden. Eine Person antwortet Ihnen in diesem Chat.`,
  handBack: "Sie sind wieder bei unserem Assistenten – ich übernehme ab hier.",
  joined: (name) => `${name} ist dem Gespräch beigetreten.`,
  left: (name) => `${name} hat das Gespräch verlassen. Eine andere Person aus dem Team antwortet Ihnen hier.`,
  resolved: (name) => `${name} hat dieses Gespräch als gelöst markiert. Schreiben Sie uns jederzeit wieder.`,
  reopened: (name) => `${name} hat dieses Gespräch wieder geöffnet und antwortet Ihnen hier.`,
  hints: {
    empty: () => "Ich habe nichts erhalten. Können Sie es noch einmal schreiben?",
    email: "Das sieht nicht wie eine E-Mail-Adresse aus. Bitte schreiben Sie sie so: name@beispiel.de.",
    phone: "Das sieht nicht wie eine Telefonnummer aus. Bitte geben Sie die Ziffern ein, zum Beispiel +49 151 2345678.",
    number: "Bitte antworten Sie mit einer Zahl, zum Beispiel 2.",
    pattern: () => "Das scheint nicht gültig zu sein. Bitte prüfen Sie es und versuchen Sie es erneut.",
    choice: (choices) => `Bitte wählen Sie eine dieser Optionen: ${choices}.`,
    date: "Bitte geben Sie ein Datum wie 2026-03-12 oder 12.03.2026 an.",
    yesno: "Bitte antworten Sie mit Ja oder Nein.",
  },
};

const pt: Phrases = {
  kbPrompt: "O que você gostaria de saber?",
  social: {
    greeting: "Olá! Como posso ajudar?",
    thanks: "De nada! Posso ajudar em mais alguma coisa?",
    goodbye: "Obrigado pelo contato. Se precisar de mais alguma coisa, é só escrever aqui.",
    smalltalk: "Sou o assistente e estou aqui para ajudar. O que posso fazer por você?",
    contact: "Obrigado, anotado. Como posso ajudar?",
  },
  feedbackQuestion: "Isso ajudou?",
  feedbackChoices: ["Sim", "Não"],
  kbSuggest: "Estes artigos podem ajudar. Qual deles responde à sua pergunta?",
  kbNoneOfThese: "Nenhum destes",
  intentOffer: "Você quis dizer uma destas opções?",
  intentSomethingElse: "Outra coisa",
  csatQuestion: "Como você avalia esta conversa?",
  handoff: (team) => `Estamos transferindo você para a nossa equipe ${team}. Uma pessoa responderá neste chat.`,
  handBack: "Você está de volta com o nosso assistente: eu continuo daqui.",
  joined: (name) => `${name} entrou na conversa.`,
  left: (name) => `${name} saiu da conversa. Outra pessoa da equipe responderá aqui.`,
  resolved: (name) => `${name} marcou esta conversa como resolvida. Escreva quando quiser.`,
  reopened: (name) => `${name} reabriu esta conversa e responderá aqui.`,
  hints: {
    empty: () => "Não recebi nada. Pode escrever de novo?",
    email: "Isso não parece um endereço de e-mail. Escreva assim: nome@exemplo.com.",
    phone: "Isso não parece um número de telefone. Digite os números, por exemplo +55 11 91234-5678.",
    number: "Responda com um número, por exemplo 2.",
    pattern: () => "Isso não parece válido. Verifique e tente novamente.",
    choice: (choices) => `Escolha uma destas opções: ${choices}.`,
    date: "Informe uma data como 2026-03-12 ou 12/03/2026.",
    yesno: "Responda sim ou não, por favor.",
  },
};

const CATALOG: Record<string, Phrases> = { en, es, fr, de, pt };

export const SUPPORTED_LOCALES = Object.keys(CATALOG);

export function phrasesFor(locale: string | undefined): Phrases {
  const language = (locale ?? "en").toLowerCase().split(/[-_]/)[0];
  return CATALOG[language] ?? en;
}
