// The person behind a WhatsApp keyword the edge answers itself (LINK, APP): their contact, created on
// first contact, and the language to answer in — WhatsApp tells none, so the one a member chose for
// them, else the persona's first.
import type { ChannelEntry } from "../../db/channel-directory";
import { forTenant, type TenantGateway, type TenantRow } from "../../db/tenant-gateway";
import { chooseReplyLanguage, type ReplyLanguage } from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import { findOrCreateContact, type ChannelUser } from "../channel-session";

export type KeywordSender = {
  gateway: TenantGateway;
  contact: TenantRow<"contacts">;
  language: ReplyLanguage;
};

export async function keywordSender(
  env: Env,
  channel: ChannelEntry,
  user: ChannelUser,
): Promise<KeywordSender> {
  const gateway = forTenant(env.DB, channel.tenantId);
  const [contact, { persona }] = await Promise.all([
    findOrCreateContact(gateway, user),
    loadPersona(env.DB, channel.tenantId),
  ]);
  return { gateway, contact, language: chooseReplyLanguage(persona, { stated: contact.language }) };
}
