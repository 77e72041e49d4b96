// The menu Telegram shows next to the message box: the bot's commands with a short description, one
// list per language the persona speaks (Telegram picks it by the user's app language) and a default
// list, in the persona's first language, for everyone else (https://core.telegram.org/bots/api#setmycommands).
// Set when the bot is connected and whenever the persona's languages change. A menu is a convenience:
// failing to set it is logged and never fails what the creator was doing. The words of each language's
// menu are in command-menu.messages.json.
import { and, eq } from "drizzle-orm";
import type { BotCommand } from "grammy/types";
import { forTenant } from "../../db/tenant-gateway";
import { describeError, type Logger } from "../../lib/logger";
import {
  personaReplyLanguages,
  type ReplyLanguage,
  type SpokenLanguages,
} from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import { openTelegramConfig, type TelegramConfig } from "../channel-config";
import { telegramApi } from "./bot-api";
import catalog from "./command-menu.messages.json";

/** The commands of the menu, in the order Telegram lists them. */
const MENU_ORDER = [
  "start",
  "help",
  "reset",
  "human",
  "link",
  "app",
  "quiet",
  "timezone",
  "stop",
] as const;
type MenuEntry = (typeof MENU_ORDER)[number];

type MenuTexts = {
  /**
   * The request for a person has a command of its own in each language (the room reads /human, /humano,
   * /pessoa, /humain and /mensch alike); the other commands keep their names everywhere. Telegram takes
   * only lower-case letters, digits and underscores in a command.
   */
  humanCommand: string;
  /** What each command does, in at most 256 characters (Telegram's limit). */
  descriptions: Record<MenuEntry, string>;
};

const MENU_TEXTS: Record<ReplyLanguage, MenuTexts> = catalog;

function menuIn(language: ReplyLanguage): BotCommand[] {
  const texts = MENU_TEXTS[language];
  return MENU_ORDER.map((entry) => ({
    command: entry === "human" ? texts.humanCommand : entry,
    description: texts.descriptions[entry],
  }));
}

/** Each language's menu. */
export const COMMAND_MENUS = Object.fromEntries(
  Object.keys(MENU_TEXTS).map((language) => [language, menuIn(language as ReplyLanguage)]),
) as Record<ReplyLanguage, BotCommand[]>;

/** The menus to set for a persona: the default one (no language code) first, then one per language. */
export function commandMenus(
  persona: SpokenLanguages,
): { languageCode: ReplyLanguage | null; commands: BotCommand[] }[] {
  const languages = personaReplyLanguages(persona);
  return [
    { languageCode: null, commands: COMMAND_MENUS[languages[0] ?? "en"] },
    ...languages.map((language) => ({ languageCode: language, commands: COMMAND_MENUS[language] })),
  ];
}

/** Sets the bot's menus for the tenant's persona; a refusal or a network failure is logged, never thrown. */
export async function setCommandMenus(
  env: Env,
  config: TelegramConfig,
  tenantId: string,
  logger: Logger,
): Promise<void> {
  const api = telegramApi(env, config.bot_token);
  let menus;
  try {
    menus = commandMenus((await loadPersona(env.DB, tenantId)).persona);
  } catch (err) {
    return logger.warn("telegram command menu not set", {
      bot_id: config.bot_info.id,
      ...describeError(err),
    });
  }
  for (const menu of menus) {
    try {
      await api.setMyCommands(
        menu.commands,
        menu.languageCode ? { language_code: menu.languageCode } : {},
      );
    } catch (err) {
      logger.warn("telegram command menu not set", {
        bot_id: config.bot_info.id,
        language_code: menu.languageCode,
        ...describeError(err),
      });
    }
  }
}

/** Sets the menus of every connected bot of the tenant (its persona's languages changed); never throws. */
export async function refreshCommandMenus(
  env: Env,
  tenantId: string,
  logger: Logger,
): Promise<void> {
  try {
    const bots = await forTenant(env.DB, tenantId).list("channels", {
      where: (t) => and(eq(t.kind, "telegram"), eq(t.status, "active")),
    });
    for (const bot of bots)
      await setCommandMenus(env, await openTelegramConfig(env, bot), tenantId, logger);
  } catch (err) {
    logger.warn("telegram command menus not refreshed", describeError(err));
  }
}
