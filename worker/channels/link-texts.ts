// What a person linking their channels is told, in each language the platform writes: the code to
// send from their other chat app, and the outcome of sending one (linked, already linked, not valid or
// expired, too many attempts). The words are in link-texts.messages.json; the commands keep their
// channel's spelling (/link, LINK) in every language.
import { formatMessage, formatPlural, type PluralForms } from "@coach/contracts/messages";
import type { ReplyLanguage } from "../lib/reply-language";
import type { LinkOutcome } from "./channel-linking";
import catalog from "./link-texts.messages.json";

type LinkTexts = {
  /** The code to send from the other chat app: `{code}`, and that app's `{command}` before it. */
  code: string;
  linked: string;
  alreadyLinked: string;
  /** The code sent is not valid or expired; `{command}` asks for a new one in the other chat. */
  invalid: string;
  /** Too many attempts: wait `{count}` minutes. */
  rateLimited: PluralForms;
};

export const LINK_TEXTS: Record<ReplyLanguage, LinkTexts> = catalog;

/** The code to send from the other channel, with that channel's command (`/link` or `LINK`). */
export function linkCodeReply(code: string, command: string, language: ReplyLanguage): string {
  return formatMessage(LINK_TEXTS[language].code, { code, command });
}

/** What sending a code came to, with the other channel's command for asking a new one there. */
export function linkOutcomeReply(
  outcome: LinkOutcome,
  command: string,
  language: ReplyLanguage,
): string {
  const texts = LINK_TEXTS[language];
  switch (outcome.kind) {
    case "linked":
      return texts.linked;
    case "already_linked":
      return texts.alreadyLinked;
    case "invalid":
      return formatMessage(texts.invalid, { command });
    case "rate_limited":
      return formatPlural(
        language,
        texts.rateLimited,
        Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)),
      );
  }
}
