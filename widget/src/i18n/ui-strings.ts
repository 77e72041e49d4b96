// The chat panel's own words (buttons, labels, states, and the notices the room sends by code) in each
// widget language. The creator's words (name, greeting, launcher text, suggested questions) come from
// the settings; a notice's English `message` stays for other clients, the widget says it by its code.
import type { NoticeCode } from "@coach/contracts/socket";
import type { WidgetLanguage } from "./languages";

export type UiStrings = {
  close: string;
  send: string;
  stop: string;
  input: string;
  placeholder: string;
  conversation: string;
  sending: string;
  sent: string;
  read: string;
  failed: string;
  retry: string;
  sources: string;
  typing: (who: string) => string;
  connecting: string;
  reconnecting: string;
  unavailable: string;
  you: string;
  /** After a team member's name on the messages they write while they have taken over. */
  coach: string;
  /** Their name when the server has none. */
  team: string;
  stopped: string;
  suggestions: string;
  quickReplies: string;
  chattingAs: (name: string) => string;
  notices: Record<Exclude<NoticeCode, "human_joined">, string>;
  humanJoined: (name: string) => string;
};

export const UI_STRINGS: Record<WidgetLanguage, UiStrings> = {
  en: {
    close: "Close chat",
    send: "Send",
    stop: "Stop",
    input: "Your message",
    placeholder: "Type your message…",
    conversation: "Conversation",
    sending: "Sending…",
    sent: "Delivered",
    read: "Read",
    failed: "Not sent.",
    retry: "Retry",
    sources: "Sources",
    typing: (who) => `${who} is typing…`,
    connecting: "Connecting…",
    reconnecting: "Connection lost. Reconnecting…",
    unavailable: "The chat is not available on this site.",
    you: "You",
    coach: "(coach)",
    team: "The coaching team",
    stopped: "(stopped)",
    suggestions: "Suggested questions",
    quickReplies: "Quick replies",
    chattingAs: (name) => `Chatting as ${name}`,
    notices: {
      queued: "Your question is in line; the coach will answer shortly.",
      coach_busy: "The coach is busy right now; your answer will follow shortly.",
      coach_offline:
        "The coach is offline for a moment; your answer will follow as soon as it is back.",
      answer_will_follow: "The coach is taking longer than usual; your answer will follow.",
      answer_restarting: "Picking up your answer again.",
      answer_expired: "The coach could not answer in time.",
      stopped: "The answer was stopped.",
      human_left: "The coaching assistant is answering again.",
    },
    humanJoined: (name) => `${name} from the coaching team is answering you now.`,
  },
  es: {
    close: "Cerrar chat",
    send: "Enviar",
    stop: "Detener",
    input: "Tu mensaje",
    placeholder: "Escribe tu mensaje…",
    conversation: "Conversación",
    sending: "Enviando…",
    sent: "Entregado",
    read: "Leído",
    failed: "No enviado.",
    retry: "Reintentar",
    sources: "Fuentes",
    typing: (who) => `${who} está escribiendo…`,
    connecting: "Conectando…",
    reconnecting: "Se perdió la conexión. Reconectando…",
    unavailable: "El chat no está disponible en este sitio.",
    you: "Tú",
    coach: "(coach)",
    team: "El equipo de coaching",
    stopped: "(detenido)",
    suggestions: "Preguntas sugeridas",
    quickReplies: "Respuestas rápidas",
    chattingAs: (name) => `Chateando como ${name}`,
    notices: {
      queued: "Tu pregunta está en cola; el coach responderá en breve.",
      coach_busy: "El coach está ocupado ahora mismo; tu respuesta llegará en breve.",
      coach_offline:
        "El coach está desconectado un momento; tu respuesta llegará en cuanto vuelva.",
      answer_will_follow: "El coach tarda más de lo habitual; tu respuesta llegará.",
      answer_restarting: "Retomando tu respuesta.",
      answer_expired: "El coach no pudo responder a tiempo.",
      stopped: "La respuesta se detuvo.",
      human_left: "El asistente de coaching vuelve a responder.",
    },
    humanJoined: (name) => `${name}, del equipo de coaching, te está respondiendo ahora.`,
  },
  pt: {
    close: "Fechar chat",
    send: "Enviar",
    stop: "Parar",
    input: "A sua mensagem",
    placeholder: "Escreva a sua mensagem…",
    conversation: "Conversa",
    sending: "A enviar…",
    sent: "Entregue",
    read: "Lida",
    failed: "Não enviada.",
    retry: "Tentar de novo",
    sources: "Fontes",
    typing: (who) => `${who} está a escrever…`,
    connecting: "A ligar…",
    reconnecting: "Ligação perdida. A ligar de novo…",
    unavailable: "O chat não está disponível neste site.",
    you: "Você",
    coach: "(coach)",
    team: "A equipa de coaching",
    stopped: "(parada)",
    suggestions: "Perguntas sugeridas",
    quickReplies: "Respostas rápidas",
    chattingAs: (name) => `A conversar como ${name}`,
    notices: {
      queued: "A sua pergunta está na fila; o coach responde em breve.",
      coach_busy: "O coach está ocupado neste momento; a sua resposta chega em breve.",
      coach_offline: "O coach está offline por um momento; a sua resposta chega assim que voltar.",
      answer_will_follow:
        "O coach está a demorar mais do que o habitual; a sua resposta vai chegar.",
      answer_restarting: "A retomar a sua resposta.",
      answer_expired: "O coach não conseguiu responder a tempo.",
      stopped: "A resposta foi interrompida.",
      human_left: "O assistente de coaching voltou a responder.",
    },
    humanJoined: (name) => `${name}, da equipa de coaching, está a responder-lhe agora.`,
  },
  fr: {
    close: "Fermer le chat",
    send: "Envoyer",
    stop: "Arrêter",
    input: "Votre message",
    placeholder: "Écrivez votre message…",
    conversation: "Conversation",
    sending: "Envoi…",
    sent: "Distribué",
    read: "Lu",
    failed: "Non envoyé.",
    retry: "Réessayer",
    sources: "Sources",
    typing: (who) => `${who} écrit…`,
    connecting: "Connexion…",
    reconnecting: "Connexion perdue. Reconnexion…",
    unavailable: "Le chat n'est pas disponible sur ce site.",
    you: "Vous",
    coach: "(coach)",
    team: "L'équipe de coaching",
    stopped: "(arrêté)",
    suggestions: "Questions suggérées",
    quickReplies: "Réponses rapides",
    chattingAs: (name) => `Connecté en tant que ${name}`,
    notices: {
      queued: "Votre question est en attente ; le coach va répondre sous peu.",
      coach_busy: "Le coach est occupé en ce moment ; votre réponse arrive sous peu.",
      coach_offline: "Le coach est hors ligne un instant ; votre réponse arrivera dès son retour.",
      answer_will_follow: "Le coach met plus de temps que d'habitude ; votre réponse va arriver.",
      answer_restarting: "Reprise de votre réponse.",
      answer_expired: "Le coach n'a pas pu répondre à temps.",
      stopped: "La réponse a été arrêtée.",
      human_left: "L'assistant de coaching répond de nouveau.",
    },
    humanJoined: (name) => `${name}, de l'équipe de coaching, vous répond maintenant.`,
  },
  de: {
    close: "Chat schließen",
    send: "Senden",
    stop: "Stopp",
    input: "Deine Nachricht",
    placeholder: "Schreib deine Nachricht…",
    conversation: "Gespräch",
    sending: "Wird gesendet…",
    sent: "Zugestellt",
    read: "Gelesen",
    failed: "Nicht gesendet.",
    retry: "Erneut versuchen",
    sources: "Quellen",
    typing: (who) => `${who} schreibt…`,
    connecting: "Verbindung wird hergestellt…",
    reconnecting: "Verbindung verloren. Neuer Versuch…",
    unavailable: "Der Chat ist auf dieser Website nicht verfügbar.",
    you: "Du",
    coach: "(Coach)",
    team: "Das Coaching-Team",
    stopped: "(gestoppt)",
    suggestions: "Vorgeschlagene Fragen",
    quickReplies: "Schnellantworten",
    chattingAs: (name) => `Angemeldet als ${name}`,
    notices: {
      queued: "Deine Frage ist in der Warteschlange; der Coach antwortet gleich.",
      coach_busy: "Der Coach ist gerade beschäftigt; deine Antwort kommt gleich.",
      coach_offline: "Der Coach ist kurz offline; deine Antwort kommt, sobald er wieder da ist.",
      answer_will_follow: "Der Coach braucht länger als sonst; deine Antwort kommt noch.",
      answer_restarting: "Deine Antwort wird wieder aufgenommen.",
      answer_expired: "Der Coach konnte nicht rechtzeitig antworten.",
      stopped: "Die Antwort wurde gestoppt.",
      human_left: "Der Coaching-Assistent antwortet wieder.",
    },
    humanJoined: (name) => `${name} aus dem Coaching-Team antwortet dir jetzt.`,
  },
};
