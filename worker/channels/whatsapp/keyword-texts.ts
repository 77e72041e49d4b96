// WhatsApp's words for coaching, which has no commands: the opt-out and opt-in keywords in every
// language the platform writes (STOP and START work in all of them, as WhatsApp users expect), and the
// replies to them and to a program keyword (keyword-texts.messages.json). A keyword tells the language
// it was written in.
import type { ReplyLanguage } from "../../lib/reply-language";
import catalog from "./keyword-texts.messages.json";

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
  /** STOP was sent: check-ins are off and every program is left. */
  stopped: string;
  /** START was sent: check-ins are on again. */
  started: string;
  /** A program keyword for the `{program}` the person is already in. */
  alreadyIn: string;
  /** A program keyword enrolled the person in `{program}`. */
  joined: string;
};

export const KEYWORD_TEXTS: Record<ReplyLanguage, KeywordTexts> = catalog;

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
