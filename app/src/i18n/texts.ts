// The language of the app's own words, chosen once per page as the widget chooses its own
// (widget/src/i18n/languages.ts): the first of the browser's languages the persona also speaks, else
// the persona's first, else English. The language the person chose in the app's settings wins once
// the app has read it (kept on the device, so from the next start on).
import {
  browserTagFor,
  chooseLanguage,
  WIDGET_LANGUAGES,
} from "../../../widget/src/i18n/languages";
import { readConfig, slots } from "../app-config";
import { appStrings } from "./app-strings";

const config = readConfig();
const browser = navigator.languages ?? [navigator.language];

const chosen = slots(config.public_key).language.get();

export const language =
  chosen !== null && WIDGET_LANGUAGES.includes(chosen)
    ? chosen
    : chooseLanguage(config.languages ?? [config.language], browser);

/** The tag dates are written with: the browser's own tag for the language ("es-MX"), else its code. */
export const locale = browserTagFor(language, browser) ?? language;

/** The app's words in its language. */
export const texts = appStrings(language);
