// The companion app's own words in each widget language: signing in, the main screen (toolbar,
// composer, conversation), the sentences it says when the edge or the browser cannot do something, and
// its settings and progress sections (settings-strings.ts). Words the widget's panel already says the
// same way (send, sources, loading, its "Open in the app" button) come from the widget's tables.
import { EXTRA_STRINGS } from "../../../widget/src/i18n/extra-strings";
import type { WidgetLanguage } from "../../../widget/src/i18n/languages";
import { UI_STRINGS } from "../../../widget/src/i18n/ui-strings";
import catalog from "./app-strings.messages.json";
import { SETTINGS_STRINGS, type SettingsStrings } from "./settings-strings";

type OwnStrings = {
  /** `{coach}` is the persona's name. */
  continueWith: string;
  /**
   * How to get a code; `{openApp}` names the widget's "Open in the app" button and `{addDevice}` this
   * app's "Add a device".
   */
  signInHelp: string;
  code: string;
  signIn: string;
  signingIn: string;
  turnOnNotifications: string;
  notificationsOn: string;
  addDevice: string;
  /** The one-time `{code}` for another device, and how many `{minutes}` it stays valid. */
  linkCode: string;
  progress: string;
  settings: string;
  /** The composer's label. */
  message: string;
  placeholder: string;
  waitingToSend: string;
  offline: string;
  /** A refusal without the edge's own sentence; `{status}` is the HTTP status. */
  serverAnswered: string;
  notificationsBlocked: string;
  notificationsFailed: string;
};

/** The words the app shares with the widget's panel, said the same way in both. */
function widgetWords(language: WidgetLanguage) {
  const ui = UI_STRINGS[language];
  return {
    send: ui.send,
    conversation: ui.conversation,
    sources: (titles: string) => `${ui.sources}: ${titles}`,
    loading: EXTRA_STRINGS[language].loading,
    openApp: EXTRA_STRINGS[language].openApp,
  };
}

export type AppStrings = OwnStrings & SettingsStrings & ReturnType<typeof widgetWords>;

const OWN_STRINGS: Record<WidgetLanguage, OwnStrings> = catalog;

/** All of the app's words in `language`. */
export function appStrings(language: WidgetLanguage): AppStrings {
  return { ...widgetWords(language), ...SETTINGS_STRINGS[language], ...OWN_STRINGS[language] };
}
