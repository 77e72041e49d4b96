// /link shows a code to continue this conversation on WhatsApp (or another chat); /link CODE redeems a
// code shown there. The link is made before the webhook is acknowledged; the reply follows after, in
// the user's language (their Telegram setting, else the persona's first).
import { Composer, type Context } from "grammy";
import { issueLinkCode, redeemLinkCode } from "../channel-linking";
import { findOrCreateContact } from "../channel-session";
import { linkCodeReply, linkOutcomeReply } from "../link-texts";
import { forTenant } from "../../db/tenant-gateway";
import type { BotDeps } from "./bot-context";
import { botLanguage } from "./bot-texts";

/** /link and /link CODE. */
export function linkComposer(deps: BotDeps): Composer<Context> {
  const link = new Composer<Context>();
  link.command("link", (ctx) => {
    const chat = ctx.chat;
    if (!chat) return;
    return deps.handOff(async () => {
      const gateway = forTenant(deps.env.DB, deps.channel.tenantId);
      const name = ctx.from
        ? [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ")
        : null;
      const contact = await findOrCreateContact(gateway, {
        kind: "telegram",
        externalId: String(chat.id),
        displayName: name,
        locale: ctx.from?.language_code ?? null,
      });
      const typed = ctx.match.trim();
      const language = await botLanguage(deps, ctx, contact);
      const reply =
        typed === ""
          ? linkCodeReply(await issueLinkCode(deps.env, gateway, contact.id), "LINK", language)
          : linkOutcomeReply(
              await redeemLinkCode(deps.env, gateway, contact.id, typed),
              "LINK",
              language,
            );
      deps.defer(() => ctx.reply(reply));
    });
  });
  return link;
}
