// WhatsApp's words for coaching, which has no commands: the opt-out and opt-in keywords in every
// language the platform writes (STOP and START work in all of them, as WhatsApp users expect), and the
// replies to them and to a program keyword. A keyword tells the language it was written in.
import type { ReplyLanguage } from "../../lib/reply-language";

/** Whole messages that stop every check-in and leave every program, by language. */
const STOP_WORDS: Record<ReplyLanguage, string[]> = {
  en: ["STOP", "UNSUBSCRIBE", "STOP ALL"],
  es: ["BAJA", "PARAR", "DETENER", "CANCELAR SUSCRIPCION"],
  pt: ["SAIR", "CANCELAR", "PARAR DE RECEBER"],
  fr: ["ARRET", "ARRETER", "DESABONNEMENT", "DESINSCRIPTION"],
  de: ["STOPP", "ABMELDEN", "BEENDEN"],
};

/** Whole messages that allow check-ins again, by language. */
const START_WORDS: Record<ReplyLanguage, string[]> = {
  en: ["START", "SUBSCRIBE"],
  es: ["ALTA", "REANUDAR"],
  pt: ["VOLTAR", "RETOMAR"],
  fr: ["REPRENDRE", "REABONNEMENT"],
  de: ["ANMELDEN", "FORTSETZEN"],
};

export type KeywordTexts = {
  stopped: string;
  started: string;
  alreadyIn: (program: string) => string;
  joined: (program: string) => string;
};

export const KEYWORD_TEXTS: Record<ReplyLanguage, KeywordTexts> = {
  en: {
    stopped:
      "Check-in messages are off, and you've left every program. I'll still answer whenever you write; send START to turn them back on.",
    started: "Check-in messages are on again.",
    alreadyIn: (program) => `You're already in "${program}". Send STOP to leave.`,
    joined: (program) =>
      `You're in: "${program}". I'll check in with you as we go; send STOP any time to stop.`,
  },
  es: {
    stopped:
      "Los mensajes de seguimiento están desactivados y has salido de todos los programas. Seguiré respondiendo cuando escribas; envía START para volver a activarlos.",
    started: "Los mensajes de seguimiento vuelven a estar activados.",
    alreadyIn: (program) => `Ya estás en «${program}». Envía STOP para salir.`,
    joined: (program) =>
      `Ya estás en «${program}». Te iré preguntando cómo vas; envía STOP cuando quieras parar.`,
  },
  pt: {
    stopped:
      "As mensagens de acompanhamento estão desligadas e saiu de todos os programas. Continuo a responder quando escrever; envie START para as voltar a ligar.",
    started: "As mensagens de acompanhamento voltaram a estar ligadas.",
    alreadyIn: (program) => `Já está em "${program}". Envie STOP para sair.`,
    joined: (program) =>
      `Está inscrito em "${program}". Vou acompanhando o seu progresso; envie STOP quando quiser parar.`,
  },
  fr: {
    stopped:
      "Les messages de suivi sont désactivés et vous avez quitté tous les programmes. Je réponds toujours quand vous écrivez ; envoyez START pour les réactiver.",
    started: "Les messages de suivi sont réactivés.",
    alreadyIn: (program) => `Vous participez déjà à « ${program} ». Envoyez STOP pour le quitter.`,
    joined: (program) =>
      `Vous participez à « ${program} ». Je prendrai de vos nouvelles au fil du programme ; envoyez STOP à tout moment pour arrêter.`,
  },
  de: {
    stopped:
      "Check-in-Nachrichten sind aus, und du hast alle Programme verlassen. Ich antworte weiter, wenn du schreibst; sende START, um sie wieder einzuschalten.",
    started: "Check-in-Nachrichten sind wieder an.",
    alreadyIn: (program) => `Du bist schon in „${program}“. Sende STOP, um es zu verlassen.`,
    joined: (program) =>
      `Du bist dabei: „${program}“. Ich melde mich unterwegs bei dir; sende jederzeit STOP, um aufzuhören.`,
  },
};

/** A consent keyword and the language it is written in. */
export type ConsentKeyword = { action: "stop" | "start"; language: ReplyLanguage };

/**
 * The opt-out or opt-in `said` (a whole message, upper case) asks for, or null for any other message.
 * Accents are ignored, so "ARRÊTER" and "ARRETER" are one keyword.
 */
export function consentKeyword(said: string): ConsentKeyword | null {
  const bare = said.normalize("NFD").replace(/\p{M}/gu, "");
  for (const [action, words] of [
    ["stop", STOP_WORDS],
    ["start", START_WORDS],
  ] as const)
    for (const [language, list] of Object.entries(words) as [ReplyLanguage, string[]][])
      if (list.includes(bare)) return { action, language };
  return null;
}
