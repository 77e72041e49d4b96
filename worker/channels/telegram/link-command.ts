// /link shows a code to continue this conversation on WhatsApp (or another chat); /link CODE redeems a
// code shown there. The link is made before the webhook is acknowledged; the reply follows after.
import { Composer, type Context } from "grammy";
import { issueLinkCode, linkCodeReply, linkOutcomeReply, redeemLinkCode } from "../channel-linking";
import { findOrCreateContact } from "../channel-session";
import { forTenant } from "../../db/tenant-gateway";
import type { BotDeps } from "./bot-context";

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
      });
      const typed = ctx.match.trim();
      const reply =
        typed === ""
          ? linkCodeReply(await issueLinkCode(deps.env, gateway, contact.id), "LINK")
          : linkOutcomeReply(await redeemLinkCode(deps.env, gateway, contact.id, typed), "/link");
      deps.defer(() => ctx.reply(reply));
    });
  });
  return link;
}
