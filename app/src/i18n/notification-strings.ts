// The service worker's one word of its own, in each widget language: the title of a pushed message
// that arrives without one.
import type { WidgetLanguage } from "../../../widget/src/i18n/languages";

export const NEW_MESSAGE: Record<WidgetLanguage, string> = {
  en: "New message",
  es: "Nuevo mensaje",
  pt: "Nova mensagem",
  fr: "Nouveau message",
  de: "Neue Nachricht",
};
