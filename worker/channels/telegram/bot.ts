// The Telegram bot of one connected channel, built per webhook call from one Composer per feature.
// botInfo comes from the stored config, so handling an update never calls getMe.
import { Bot } from "grammy";
import { appComposer } from "./app-command";
import { botBlockedComposer } from "./bot-blocked";
import { reportBotError, type BotDeps } from "./bot-context";
import { coachingCommandsComposer } from "./coaching-commands";
import { commandsComposer } from "./commands";
import { linkComposer } from "./link-command";
import { messagesComposer } from "./messages";
import { quickReplyAnswersComposer } from "./quick-reply-answers";

/**
 * The update types the bot's features handle, given to setWebhook as `allowed_updates`: Telegram sends
 * a webhook nothing else, so a type handled below but missing here never arrives.
 */
export const HANDLED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** The bot for `deps.channel`, with its features and its one error handler. */
export function buildBot(deps: BotDeps): Bot {
  const bot = new Bot(deps.config.bot_token, {
    client: { apiRoot: deps.env.TELEGRAM_API_ROOT },
    botInfo: deps.config.bot_info,
  });
  bot.use(coachingCommandsComposer(deps));
  bot.use(commandsComposer(deps));
  bot.use(linkComposer(deps));
  bot.use(appComposer(deps));
  bot.use(messagesComposer(deps));
  bot.use(quickReplyAnswersComposer(deps));
  bot.use(botBlockedComposer(deps));
  // Anything else (edited messages, stickers, unknown update types) is acknowledged so Telegram stops
  // retrying, and logged.
  bot.use((ctx) => {
    deps.logger.info("telegram update ignored", {
      update_id: ctx.update.update_id,
      kinds: Object.keys(ctx.update).filter((k) => k !== "update_id"),
    });
  });
  bot.catch((err) => reportBotError(deps.logger, err, err.ctx.update.update_id));
  return bot;
}
