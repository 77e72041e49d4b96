// The loader's only words: the launcher's label. Apart from the panel's catalogue, so the loader every
// page view downloads carries one word per language.
import type { WidgetLanguage } from "./languages";

/** The launcher's accessible name (before the assistant's name) and its text when the creator set none. */
export const OPEN_CHAT: Record<WidgetLanguage, string> = {
  en: "Open chat",
  es: "Abrir chat",
  pt: "Abrir chat",
  fr: "Ouvrir le chat",
  de: "Chat öffnen",
};
