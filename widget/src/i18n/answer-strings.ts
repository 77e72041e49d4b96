// The words around an answer (its numbered sources and what it rests on): their type, and each widget
// language's words from the catalog beside it. `{name}` is the assistant's name from the creator's
// settings.
import catalog from "./answer-strings.messages.json";
import type { WidgetLanguage } from "./languages";

export type AnswerStrings = {
  /** The accessible name of marker [n]: "Source 2: Sleep guide" (`{number}`, `{title}`). */
  source: string;
  page: string;
  /** Under an answer the built-in answerer wrote: its sentences are the creator's own. */
  quoted: string;
  /** Above an answer from general knowledge (adaptive personas), so nobody takes it for the coach's method. */
  general: string;
  /** Above the creator's own corrected answer, given word for word. */
  curated: string;
};

export const ANSWER_STRINGS_BY_LANGUAGE: Record<WidgetLanguage, AnswerStrings> = catalog;
