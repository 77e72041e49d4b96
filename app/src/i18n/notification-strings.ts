// The service worker's one word of its own, in each widget language: the title of a pushed message
// that arrives without one. A catalog of its own, so the service worker does not bundle the app's.
import type { WidgetLanguage } from "../../../widget/src/i18n/languages";
import catalog from "./notification-strings.messages.json";

type NotificationStrings = {
  /** The title of a pushed message that has none. */
  newMessage: string;
};

export const NOTIFICATION_STRINGS: Record<WidgetLanguage, NotificationStrings> = catalog;
