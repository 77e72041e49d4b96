// Proactive coaching on WhatsApp, which has no commands: "STOP" (or "BAJA", "ARRÊTER"… in the other
// languages, keyword-texts.ts) leaves every program and stops all check-ins at once, "START" allows
// them again, and a program's configured keyword (e.g. "JOIN RUN5K") enrols the sender. Matched on the
// whole message in any case; anything else is an ordinary message. Replies are in the language a
// member chose for the sender, else the keyword's language when the persona speaks it, else in the
// persona's first.
import { formatMessage } from "@coach/contracts/messages";
import { planRequiredLink, programNeedsPlanText } from "../../billing/program-access";
import type { ChannelEntry } from "../../db/channel-directory";
import { chooseReplyLanguage } from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import { canonicalContactId } from "../../db/contact-links";
import { forTenant, type TenantRow } from "../../db/tenant-gateway";
import { optInContact, optOutContact } from "../../programs/contact-consent";
import { enrollContact } from "../../programs/enroll-contact";
import { activeProgramByKeyword } from "../../programs/program-store";
import type { WhatsAppConfig } from "../channel-config";
import { findOrCreateContact, type ChannelUser } from "../channel-session";
import { sendText } from "./graph-client";
import { consentKeyword, KEYWORD_TEXTS } from "./keyword-texts";

/**
 * Acts on STOP, START or a program keyword; answers a function that sends the reply (to run after the
 * webhook is acknowledged), or null when the message is none of them.
 */
export async function handleCoachingKeyword(
  env: Env,
  channel: ChannelEntry,
  config: WhatsAppConfig,
  user: ChannelUser,
  text: string,
): Promise<(() => Promise<unknown>) | null> {
  const said = text
    .trim()
    .replace(/[.!]+$/, "")
    .replace(/\s+/g, " ")
    .toUpperCase();
  const gateway = forTenant(env.DB, channel.tenantId);
  const reply = (message: string) => () => sendText(env, config, user.externalId, message);
  // The sender's contact, found or created once, and only when a keyword asks for it.
  let sender: Promise<TenantRow<"contacts">> | undefined;
  const senderContact = () => (sender ??= findOrCreateContact(gateway, user));
  // Coaching follows the person's canonical contact when they linked their channels.
  const coachingId = async () =>
    canonicalContactId(env.DB, channel.tenantId, (await senderContact()).id);
  const consent = consentKeyword(said);
  // A language a member chose for the person outranks the keyword's.
  const language = async () =>
    chooseReplyLanguage((await loadPersona(env.DB, channel.tenantId)).persona, {
      stated: (await senderContact()).language,
      detected: consent?.language,
    });
  const texts = async () => KEYWORD_TEXTS[await language()];
  if (consent?.action === "stop") {
    await optOutContact(env, channel.tenantId, await coachingId(), "whatsapp_stop");
    return reply((await texts()).stopped);
  }
  if (consent?.action === "start") {
    await optInContact(env, channel.tenantId, await coachingId());
    return reply((await texts()).started);
  }
  const program = await activeProgramByKeyword(gateway, said);
  if (!program) return null;
  const contact = await senderContact();
  await gateway.update("contacts", contact.id, {
    consentAt: contact.consentAt ?? Date.now(),
    optedOutAt: null,
  });
  const contactId = await canonicalContactId(env.DB, channel.tenantId, contact.id);
  const joined = await enrollContact(env, gateway, {
    program,
    contactId,
    source: "whatsapp",
    channelId: channel.id,
  }).catch((error: unknown) => {
    // A paid program: the person hears why and gets their checkout link, never silence.
    const link = planRequiredLink(error);
    if (link === null) throw error;
    return { link };
  });
  if ("link" in joined)
    return reply(programNeedsPlanText(await language(), program.name, joined.link));
  const words = await texts();
  return reply(
    formatMessage(joined.duplicate ? words.alreadyIn : words.joined, { program: program.name }),
  );
}
