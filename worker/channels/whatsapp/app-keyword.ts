// WhatsApp's counterpart of Telegram's /app: the text "APP" alone (any case) is answered with a
// one-time code, and the companion app's address carrying it, that sign a new phone or computer in to
// the coach's app as this person. WhatsApp has no commands, so the whole message must be the keyword:
// "app not working" still goes to the coach. WhatsApp tells no language: the reply is in the one a
// member chose for the person, else the persona's first.
import { APP_CODE_TEXTS } from "../../companion/app-code-texts";
import { chatAppSignIn } from "../../companion/app-sign-in-link";
import type { ChannelEntry } from "../../db/channel-directory";
import type { WhatsAppConfig } from "../channel-config";
import type { ChannelUser } from "../channel-session";
import { sendText } from "./graph-client";
import { keywordSender } from "./keyword-sender";

/** Whether `text` is the APP keyword. */
export function isAppRequest(text: string): boolean {
  return /^app$/i.test(text.trim());
}

/** Issues the code for the WhatsApp user; answers a function that sends the reply, to run after the webhook is acknowledged. */
export async function handleAppRequest(
  env: Env,
  channel: ChannelEntry,
  config: WhatsAppConfig,
  user: ChannelUser,
): Promise<() => Promise<unknown>> {
  const { gateway, contact, language } = await keywordSender(env, channel, user);
  const { code, appUrl } = await chatAppSignIn(env, gateway, contact.id);
  const reply = APP_CODE_TEXTS[language](code, appUrl);
  return () => sendText(env, config, user.externalId, reply);
}
