// The words of the coaching program's bar (`data-program`: joining, leaving, what went wrong) and the
// words around an answer (its numbered sources and what it rests on), in each widget language.
// `name` is the program's or, for answers, the assistant's name from the creator's settings.
import type { WidgetLanguage } from "./languages";

export type ProgramStrings = {
  label: string;
  loading: string;
  join: (program: string) => string;
  enrolledIn: (program: string) => string;
  leave: string;
  confirmLeave: string;
  confirmYes: string;
  cancel: string;
  stoppedNote: string;
  completedIn: (program: string) => string;
  notFound: string;
  offline: string;
  failed: string;
};

export type AnswerStrings = {
  /** The accessible name of marker [n]: "Source 2: Sleep guide". */
  source: (n: number, title: string) => string;
  page: (page: number | string) => string;
  /** Under an answer the built-in answerer wrote: its sentences are the creator's own. */
  quoted: (name: string) => string;
  /** Above an answer from general knowledge (adaptive personas), so nobody takes it for the coach's method. */
  general: (name: string) => string;
  /** Above the creator's own corrected answer, given word for word. */
  curated: (name: string) => string;
};

export const PROGRAM_STRINGS_BY_LANGUAGE: Record<WidgetLanguage, ProgramStrings> = {
  en: {
    label: "Coaching program",
    loading: "Loading the coaching program…",
    join: (p) => `Join ${p}`,
    enrolledIn: (p) => `You're enrolled in ${p}.`,
    leave: "Stop coaching messages",
    confirmLeave: "Stop all coaching messages, here and on every other channel?",
    confirmYes: "Yes, stop them",
    cancel: "Cancel",
    stoppedNote: "Coaching messages are stopped on every channel. You can join again any time.",
    completedIn: (p) => `You completed ${p}.`,
    notFound: "This coaching program is not available. Check the link, or ask the site's owner.",
    offline: "Could not reach the server. Check your connection and try again.",
    failed: "Something went wrong. Please try again.",
  },
  es: {
    label: "Programa de coaching",
    loading: "Cargando el programa de coaching…",
    join: (p) => `Unirme a ${p}`,
    enrolledIn: (p) => `Estás inscrito en ${p}.`,
    leave: "Dejar de recibir mensajes de coaching",
    confirmLeave: "¿Dejar de recibir todos los mensajes de coaching, aquí y en los demás canales?",
    confirmYes: "Sí, detenerlos",
    cancel: "Cancelar",
    stoppedNote:
      "Los mensajes de coaching están detenidos en todos los canales. Puedes volver a unirte cuando quieras.",
    completedIn: (p) => `Completaste ${p}.`,
    notFound:
      "Este programa de coaching no está disponible. Revisa el enlace o pregunta al dueño del sitio.",
    offline: "No se pudo contactar con el servidor. Revisa tu conexión e inténtalo de nuevo.",
    failed: "Algo salió mal. Inténtalo de nuevo.",
  },
  pt: {
    label: "Programa de coaching",
    loading: "A carregar o programa de coaching…",
    join: (p) => `Aderir a ${p}`,
    enrolledIn: (p) => `Está inscrito em ${p}.`,
    leave: "Parar as mensagens de coaching",
    confirmLeave: "Parar todas as mensagens de coaching, aqui e em todos os outros canais?",
    confirmYes: "Sim, parar",
    cancel: "Cancelar",
    stoppedNote:
      "As mensagens de coaching estão paradas em todos os canais. Pode voltar a aderir quando quiser.",
    completedIn: (p) => `Concluiu ${p}.`,
    notFound:
      "Este programa de coaching não está disponível. Verifique o link ou pergunte ao dono do site.",
    offline: "Não foi possível contactar o servidor. Verifique a ligação e tente de novo.",
    failed: "Algo correu mal. Tente de novo.",
  },
  fr: {
    label: "Programme de coaching",
    loading: "Chargement du programme de coaching…",
    join: (p) => `Rejoindre ${p}`,
    enrolledIn: (p) => `Vous participez à ${p}.`,
    leave: "Arrêter les messages de coaching",
    confirmLeave: "Arrêter tous les messages de coaching, ici et sur tous les autres canaux ?",
    confirmYes: "Oui, les arrêter",
    cancel: "Annuler",
    stoppedNote:
      "Les messages de coaching sont arrêtés sur tous les canaux. Vous pouvez revenir à tout moment.",
    completedIn: (p) => `Vous avez terminé ${p}.`,
    notFound:
      "Ce programme de coaching n'est pas disponible. Vérifiez le lien ou demandez au propriétaire du site.",
    offline: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
    failed: "Une erreur s'est produite. Veuillez réessayer.",
  },
  de: {
    label: "Coaching-Programm",
    loading: "Coaching-Programm wird geladen…",
    join: (p) => `${p} beitreten`,
    enrolledIn: (p) => `Du bist bei ${p} angemeldet.`,
    leave: "Coaching-Nachrichten beenden",
    confirmLeave: "Alle Coaching-Nachrichten beenden, hier und auf allen anderen Kanälen?",
    confirmYes: "Ja, beenden",
    cancel: "Abbrechen",
    stoppedNote:
      "Coaching-Nachrichten sind auf allen Kanälen beendet. Du kannst jederzeit wieder beitreten.",
    completedIn: (p) => `Du hast ${p} abgeschlossen.`,
    notFound:
      "Dieses Coaching-Programm ist nicht verfügbar. Prüfe den Link oder frag den Betreiber der Website.",
    offline: "Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es noch einmal.",
    failed: "Etwas ist schiefgelaufen. Bitte versuche es noch einmal.",
  },
};

export const ANSWER_STRINGS_BY_LANGUAGE: Record<WidgetLanguage, AnswerStrings> = {
  en: {
    source: (n, title) => `Source ${n}: ${title}`,
    page: (page) => `page ${page}`,
    quoted: (name) => `Quoted from ${name}’s material`,
    general: (name) => `General knowledge, not from ${name}’s material`,
    curated: (name) => `${name}’s own answer`,
  },
  es: {
    source: (n, title) => `Fuente ${n}: ${title}`,
    page: (page) => `página ${page}`,
    quoted: (name) => `Citado del material de ${name}`,
    general: (name) => `Conocimiento general, no del material de ${name}`,
    curated: (name) => `Respuesta de ${name}`,
  },
  pt: {
    source: (n, title) => `Fonte ${n}: ${title}`,
    page: (page) => `página ${page}`,
    quoted: (name) => `Citado do material de ${name}`,
    general: (name) => `Conhecimento geral, não do material de ${name}`,
    curated: (name) => `Resposta de ${name}`,
  },
  fr: {
    source: (n, title) => `Source ${n} : ${title}`,
    page: (page) => `page ${page}`,
    quoted: (name) => `Cité du contenu de ${name}`,
    general: (name) => `Connaissances générales, pas du contenu de ${name}`,
    curated: (name) => `Réponse de ${name}`,
  },
  de: {
    source: (n, title) => `Quelle ${n}: ${title}`,
    page: (page) => `Seite ${page}`,
    quoted: (name) => `Zitiert aus dem Material von ${name}`,
    general: (name) => `Allgemeinwissen, nicht aus dem Material von ${name}`,
    curated: (name) => `Eigene Antwort von ${name}`,
  },
};
