// The person behind a WhatsApp keyword the edge answers itself (LINK, APP): their contact, created on
// first contact, and the language to answer in — WhatsApp tells none, so the one a member chose for
// them, else the persona's first. The reply is written now and sent once the webhook is acknowledged.
import type { ChannelEntry } from "../../db/channel-directory";
import { forTenant, type TenantGateway, type TenantRow } from "../../db/tenant-gateway";
import { chooseReplyLanguage, type ReplyLanguage } from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import type { WhatsAppConfig } from "../channel-config";
import { findOrCreateContact, type ChannelUser } from "../channel-session";
import type { WebhookDeps } from "../webhook-deps";
import { sendText } from "./graph-client";

export type KeywordSender = {
  gateway: TenantGateway;
  contact: TenantRow<"contacts">;
  language: ReplyLanguage;
};

async function keywordSender(
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

/**
 * Writes the reply to `user`'s keyword with `compose`; answers a function that sends it, to run after
 * the webhook is acknowledged.
 */
export async function answerKeyword(
  { env, channel, config }: Pick<WebhookDeps<WhatsAppConfig>, "env" | "channel" | "config">,
  user: ChannelUser,
  compose: (sender: KeywordSender) => Promise<string>,
): Promise<() => Promise<unknown>> {
  const reply = await compose(await keywordSender(env, channel, user));
  return () => sendText(env, config, user.externalId, reply);
}
