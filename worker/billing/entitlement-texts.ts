// What a person is told when their plan (or the creator's workspace) does not cover what they asked
// for, in each language the platform writes its own words in: kind, plain about why, and with the way
// forward. The words are in entitlement-texts.messages.json.
import type { ChannelKind } from "../db/enums";
import type { ReplyLanguage } from "../lib/reply-language";
import catalog from "./entitlement-texts.messages.json";

type EntitlementTexts = {
  /** A plan's `includes.channels` leaves out the channel the person wrote on: `{channel}`, `{link}`. */
  channelNotIncluded: string;
  /** How each channel is named inside those sentences. */
  channelNames: Record<ChannelKind, string>;
  /** A paid `{program}`'s join (`/start <name>`, a WhatsApp keyword) without a plan that includes it. */
  programNeedsPlan: string;
  /** The person's plan's answers for the month are used up; `{link}` is the upgrade link. */
  allowanceUsedUp: string;
  /** The creator's workspace used up its platform plan's answers for the month. */
  workspaceAnswersUsedUp: string;
};

export const ENTITLEMENT_TEXTS: Record<ReplyLanguage, EntitlementTexts> = catalog;
