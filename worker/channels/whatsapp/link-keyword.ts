// WhatsApp's counterpart of Telegram's /link: the text "LINK" shows a code to continue this
// conversation on Telegram, "LINK CODE" redeems a code shown there. WhatsApp has no commands, so the
// whole message must be the keyword (any case), alone or with one code-shaped word: "link me to the
// article" still goes to the coach. WhatsApp tells no language, and LINK is the same word in every
// one: the reply is in the language a member chose for the person, else the persona's first.
import { issueLinkCode, redeemLinkCode } from "../channel-linking";
import { linkCodeReply, linkOutcomeReply } from "../link-texts";
import type { KeywordSender } from "./keyword-sender";

const LINK_KEYWORD = /^link(?:\s+([a-z0-9]{3}[\s-]?[a-z0-9]{3}))?$/i;

/** The code typed after LINK ("" for a bare LINK), or null when the message is not a link request. */
export function linkRequest(text: string): string | null {
  const match = LINK_KEYWORD.exec(text.trim());
  return match ? (match[1] ?? "").trim() : null;
}

/** Issues a code for the WhatsApp user (`typed` is "") or redeems the one typed; answers the reply. */
export async function linkReply(
  env: Env,
  { gateway, contact, language }: KeywordSender,
  typed: string,
): Promise<string> {
  return typed === ""
    ? linkCodeReply(await issueLinkCode(env, gateway, contact.id), "/link", language)
    : linkOutcomeReply(await redeemLinkCode(env, gateway, contact.id, typed), "/link", language);
}
