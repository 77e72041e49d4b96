// The bot's commands: /start (greeting and consent), /help, /reset (a new conversation) and /stop (no
// proactive messages). Replies are sent after the webhook is acknowledged.
import { Composer, type Context } from "grammy";
import { closeOpenConversations, findOrCreateContact, type ChannelUser } from "../channel-session";
import { canonicalContactId } from "../../db/contact-links";
import { forTenant } from "../../db/tenant-gateway";
import type { BotDeps } from "./bot-context";
import { COACHING_HELP } from "./coaching-commands";

export const HELP_TEXT = [
  "Ask me anything about the coaching material; I answer from it.",
  "/reset starts a new conversation",
  "/link shows a code to continue this conversation on WhatsApp; /link CODE uses a code from there",
  "/stop turns off check-in messages (I still answer when you write)",
  "/start turns them on again",
  "/help shows this message",
  COACHING_HELP,
].join("\n");

function userOf(ctx: Context): ChannelUser | null {
  if (!ctx.chat) return null;
  const name = ctx.from
    ? [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ")
    : null;
  return { kind: "telegram", externalId: String(ctx.chat.id), displayName: name };
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
      await ctx.reply(
        `Hello! I'm ${deps.config.bot_info.first_name}, your coaching assistant. By writing to me you agree that your messages are stored so I can answer and follow your progress. ` +
          "Send /stop any time to turn off check-ins.\n\n" +
          HELP_TEXT,
      );
    });
  });

  commands.command("help", (ctx) => {
    deps.defer(() => ctx.reply(HELP_TEXT));
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
      await ctx.reply("Done: we're starting a fresh conversation. What would you like to work on?");
    });
  });

  commands.command("stop", (ctx) => {
    const user = userOf(ctx);
    if (!user) return;
    deps.defer(async () => {
      const contact = await findOrCreateContact(gateway(), user);
      await gateway().update("contacts", contact.id, { optedOutAt: Date.now() });
      await ctx.reply(
        "Check-in messages are off. I'll still answer whenever you write; send /start to turn them back on.",
      );
    });
  });

  return commands;
}
