// What a person who asked a chat for the companion app (`/app` on Telegram, `APP` on WhatsApp) is told,
// in each language the platform writes: their one-time code, and the app's address carrying it when
// the edge knows its public address. The words are in app-code-texts.messages.json.
import { formatMessage } from "@coach/contracts/messages";
import type { ReplyLanguage } from "../lib/reply-language";
import catalog from "./app-code-texts.messages.json";

type AppCodeTexts = {
  /** The `{code}`, typed on the app's sign-in screen. */
  appCode: string;
  /** The `{code}`, and the `{appUrl}` that carries it. */
  appCodeWithUrl: string;
};

const APP_CODE_TEXTS: Record<ReplyLanguage, AppCodeTexts> = catalog;

/** The reply that hands over `code`, with the app's address carrying it when there is one. */
export function appCodeText(language: ReplyLanguage, code: string, appUrl: string | null): string {
  const texts = APP_CODE_TEXTS[language];
  return appUrl
    ? formatMessage(texts.appCodeWithUrl, { code, appUrl })
    : formatMessage(texts.appCode, { code });
}
