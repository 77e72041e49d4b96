// WhatsApp's counterpart of Telegram's /app: the text "APP" alone (any case) is answered with a
// one-time code, and the companion app's address carrying it, that sign a new phone or computer in to
// the coach's app as this person. WhatsApp has no commands, so the whole message must be the keyword:
// "app not working" still goes to the coach. WhatsApp tells no language: the reply is in the one a
// member chose for the person, else the persona's first.
import { appCodeText } from "../../companion/app-code-texts";
import { chatAppSignIn } from "../../companion/app-sign-in-link";
import type { KeywordSender } from "./keyword-sender";

/** Whether `text` is the APP keyword. */
export function isAppRequest(text: string): boolean {
  return /^app$/i.test(text.trim());
}

/** Issues the code for the WhatsApp user; answers the reply that hands it over. */
export async function appReply(
  env: Env,
  { gateway, contact, language }: KeywordSender,
): Promise<string> {
  const { code, appUrl } = await chatAppSignIn(env, gateway, contact.id);
  return appCodeText(language, code, appUrl);
}
