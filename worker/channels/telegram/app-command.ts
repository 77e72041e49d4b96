// /app: a one-time code, and the companion app's address carrying it, that sign a new phone or
// computer in to the coach's app as this chat's person — the same conversation, programs and
// progress. Only in a private chat: in a group, everyone would read a code that acts for one person.
// Answered after the webhook is acknowledged, in the user's language.
import { Composer, type Context } from "grammy";
import { appCodeText } from "../../companion/app-code-texts";
import { chatAppSignIn } from "../../companion/app-sign-in-link";
import { forTenant } from "../../db/tenant-gateway";
import { findOrCreateContact } from "../channel-session";
import type { BotDeps } from "./bot-context";
import { botLanguage } from "./bot-texts";
import { userOf } from "./commands";

/** /app. */
export function appComposer(deps: BotDeps): Composer<Context> {
  const app = new Composer<Context>();
  app.command("app", (ctx) => {
    const user = userOf(ctx);
    if (!user || ctx.chat?.type !== "private") return;
    deps.defer(async () => {
      const gateway = forTenant(deps.env.DB, deps.channel.tenantId);
      const contact = await findOrCreateContact(gateway, user);
      const { code, appUrl } = await chatAppSignIn(deps.env, gateway, contact.id);
      await ctx.reply(appCodeText(await botLanguage(deps, ctx, contact), code, appUrl));
    });
  });
  return app;
}
