// The panel's words in the language the visitor sees (i18n/languages.ts), set once when the panel
// mounts; English until then. Live bindings, so every module reads the chosen catalogue at render
// time: read them when drawing, never copy them into module-level constants.
import { ANSWER_STRINGS_BY_LANGUAGE, type AnswerStrings } from "../i18n/answer-strings";
import { ERROR_STRINGS, type SocketErrorCode } from "../i18n/error-strings";
import { EXTRA_STRINGS, type ExtraStrings } from "../i18n/extra-strings";
import type { WidgetLanguage } from "../i18n/languages";
import { PROGRAM_STRINGS_BY_LANGUAGE, type ProgramStrings } from "../i18n/program-strings";
import { UI_STRINGS, type UiStrings } from "../i18n/ui-strings";

/** Buttons, labels, states and notices. */
export let STRINGS: UiStrings = UI_STRINGS.en;
/** The coaching program's bar; panel-only, like everything here. */
export let PROGRAM_STRINGS: ProgramStrings = PROGRAM_STRINGS_BY_LANGUAGE.en;
/** The words around an answer: its numbered sources and what it rests on. */
export let ANSWER_STRINGS: AnswerStrings = ANSWER_STRINGS_BY_LANGUAGE.en;

/** The panel's footer: the companion app's link and code, the membership plans. */
export let EXTRA: ExtraStrings = EXTRA_STRINGS.en;
/** The language those words are in (prices are formatted for it). */
export let LANGUAGE: WidgetLanguage = "en";

/** What an `error` frame means, by its code. */
export let ERRORS: Record<SocketErrorCode, string> = ERROR_STRINGS.en;

/** The sentence for an `error` frame: ours for a known code, else the server's English `message`. */
export function errorWords(frame: { code: string; message: string }): string {
  return Object.hasOwn(ERRORS, frame.code) ? ERRORS[frame.code as SocketErrorCode] : frame.message;
}

/** Makes `language` the panel's language. */
export function useLanguage(language: WidgetLanguage): void {
  STRINGS = UI_STRINGS[language];
  ERRORS = ERROR_STRINGS[language];
  PROGRAM_STRINGS = PROGRAM_STRINGS_BY_LANGUAGE[language];
  ANSWER_STRINGS = ANSWER_STRINGS_BY_LANGUAGE[language];
  EXTRA = EXTRA_STRINGS[language];
  LANGUAGE = language;
}
