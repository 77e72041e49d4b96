// Which language the platform's own words (bot commands, fixed replies, keyword answers) are sent in.
// The five languages are the crisis detector's: whatever the person is told in a crisis, they can be
// told everything else in too. A person's stated language (Telegram's `language_code`) wins; then the
// language their message was recognised in (the phrase matchers say which language matched, as the
// crisis detector does), when the persona speaks it; then the persona's first language.
import { CRISIS_LANGUAGES, type CrisisLanguage } from "@coach/contracts/safety-settings";

/** A language the platform's own words are written in. */
export type ReplyLanguage = CrisisLanguage;

/** The languages every catalogue of the platform's own words covers. */
export const REPLY_LANGUAGES: readonly ReplyLanguage[] = CRISIS_LANGUAGES;

/** What a persona says about its languages: `languages` (first preferred) or the older `language`. */
export type SpokenLanguages = { languages?: string[]; language?: string };

/** `tag` ("es", "es-MX", "pt_BR") as one of the reply languages, or null. */
export function replyLanguageOf(tag: string | null | undefined): ReplyLanguage | null {
  const base = (tag ?? "").slice(0, 2).toLowerCase();
  return REPLY_LANGUAGES.find((language) => language === base) ?? null;
}

/** The persona's languages that have catalogues, first preferred; English when none has. */
export function personaReplyLanguages(persona: SpokenLanguages): ReplyLanguage[] {
  const tags = persona.languages?.length ? persona.languages : [persona.language];
  const known = tags.map(replyLanguageOf).filter((l): l is ReplyLanguage => l !== null);
  return known.length > 0 ? [...new Set(known)] : ["en"];
}

/**
 * The language to answer in: `stated` (the person's own setting) when it has a catalogue, else
 * `detected` (what their message was recognised in) when the persona speaks it, else the persona's first.
 */
export function chooseReplyLanguage(
  persona: SpokenLanguages,
  said: { stated?: string | null; detected?: ReplyLanguage | null } = {},
): ReplyLanguage {
  const offered = personaReplyLanguages(persona);
  const stated = replyLanguageOf(said.stated);
  if (stated) return stated;
  if (said.detected && offered.includes(said.detected)) return said.detected;
  return offered[0] ?? "en";
}
