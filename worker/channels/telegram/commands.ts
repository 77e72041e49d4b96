// The bot's commands: /start (greeting and consent), /help, /reset (a new conversation) and /stop (no
// proactive messages). Replies are sent after the webhook is acknowledged, in the user's language
// (bot-texts.ts).
import { formatMessage } from "@coach/contracts/messages";
import { Composer, type Context } from "grammy";
import { closeOpenConversations, findOrCreateContact, type ChannelUser } from "../channel-session";
import { canonicalContactId } from "../../db/contact-links";
import { forTenant } from "../../db/tenant-gateway";
import type { BotDeps } from "./bot-context";
import { botTexts, helpMessage } from "./bot-texts";

/** The Telegram user of `ctx`'s chat as a channel user (null for updates without a chat). */
export function userOf(ctx: Context): ChannelUser | null {
  if (!ctx.chat) return null;
  const name = ctx.from
    ? [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ")
    : null;
  return {
    kind: "telegram",
    externalId: String(ctx.chat.id),
    displayName: name,
    locale: ctx.from?.language_code ?? null,
  };
}

/** /start, /help, /reset and /stop. */
export function commandsComposer(deps: BotDeps): Composer<Context> {
  const commands = new Composer<Context>();
  const gateway = () => forTenant(deps.env.DB, deps.channel.tenantId);

  commands.command("start", (ctx) => {
    const user = userOf(ctx);
    if (!user) return;
    deps.defer(async () => {
      const contact = await findOrCreateContact(gateway(), user);
      await gateway().update("contacts", contact.id, {
        consentAt: contact.consentAt ?? Date.now(),
        optedOutAt: null,
      });
      const texts = await botTexts(deps, ctx);
      const greeting = formatMessage(texts.greeting, { botName: deps.config.bot_info.first_name });
      await ctx.reply(`${greeting}\n\n${helpMessage(texts)}`);
    });
  });

  commands.command("help", (ctx) => {
    deps.defer(async () => ctx.reply(helpMessage(await botTexts(deps, ctx))));
  });

  commands.command("reset", (ctx) => {
    const user = userOf(ctx);
    if (!user) return;
    deps.defer(async () => {
      const contact = await findOrCreateContact(gateway(), user);
      await closeOpenConversations(
        gateway(),
        await canonicalContactId(deps.env.DB, deps.channel.tenantId, contact.id),
      );
      await ctx.reply((await botTexts(deps, ctx)).reset);
    });
  });

  commands.command("stop", (ctx) => {
    const user = userOf(ctx);
    if (!user) return;
    deps.defer(async () => {
      const contact = await findOrCreateContact(gateway(), user);
      await gateway().update("contacts", contact.id, { optedOutAt: Date.now() });
      await ctx.reply((await botTexts(deps, ctx)).stopped);
    });
  });

  return commands;
}
