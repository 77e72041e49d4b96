// The menu Telegram shows next to the message box: the bot's commands with a short description, one
// list per language the persona speaks (Telegram picks it by the user's app language) and a default
// list, in the persona's first language, for everyone else (https://core.telegram.org/bots/api#setmycommands).
// Set when the bot is connected and whenever the persona's languages change. A menu is a convenience:
// failing to set it is logged and never fails what the creator was doing.
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

/**
 * The request for a person has a command of its own in each language (the room reads /human, /humano,
 * /pessoa, /humain and /mensch alike); the other commands keep their names everywhere.
 */
const HUMAN_COMMAND: Record<ReplyLanguage, string> = {
  en: "human",
  es: "humano",
  pt: "pessoa",
  fr: "humain",
  de: "mensch",
};

/** What each command does, in each language. */
const DESCRIPTIONS: Record<ReplyLanguage, Record<MenuEntry, string>> = {
  en: {
    start: "Start, or turn check-ins back on",
    help: "What I can do",
    reset: "Start a new conversation",
    human: "Talk to a person from the coaching team",
    link: "Continue this conversation on WhatsApp",
    app: "Use this conversation in the app on another device",
    quiet: "Set quiet hours for check-ins, like /quiet 22-7",
    timezone: "Set your time zone, like /timezone Europe/London",
    stop: "Turn off check-in messages",
  },
  es: {
    start: "Empezar, o volver a activar los seguimientos",
    help: "Qué puedo hacer",
    reset: "Empezar una conversación nueva",
    human: "Hablar con una persona del equipo",
    link: "Seguir esta conversación en WhatsApp",
    app: "Usar esta conversación en la app en otro dispositivo",
    quiet: "Fijar horas de silencio, por ejemplo /quiet 22-7",
    timezone: "Fijar tu zona horaria, por ejemplo /timezone Europe/Madrid",
    stop: "Desactivar los mensajes de seguimiento",
  },
  pt: {
    start: "Começar, ou voltar a ligar os acompanhamentos",
    help: "O que posso fazer",
    reset: "Começar uma conversa nova",
    human: "Falar com uma pessoa da equipa",
    link: "Continuar esta conversa no WhatsApp",
    app: "Usar esta conversa na app noutro dispositivo",
    quiet: "Definir horas de silêncio, por exemplo /quiet 22-7",
    timezone: "Definir o seu fuso horário, por exemplo /timezone Europe/Lisbon",
    stop: "Desligar as mensagens de acompanhamento",
  },
  fr: {
    start: "Commencer, ou réactiver les suivis",
    help: "Ce que je sais faire",
    reset: "Commencer une nouvelle conversation",
    human: "Parler à une personne de l'équipe",
    link: "Continuer cette conversation sur WhatsApp",
    app: "Retrouver cette conversation dans l'application sur un autre appareil",
    quiet: "Définir des heures calmes, par exemple /quiet 22-7",
    timezone: "Définir votre fuseau horaire, par exemple /timezone Europe/Paris",
    stop: "Désactiver les messages de suivi",
  },
  de: {
    start: "Starten oder Check-ins wieder einschalten",
    help: "Was ich kann",
    reset: "Ein neues Gespräch beginnen",
    human: "Mit einem Menschen aus dem Team sprechen",
    link: "Dieses Gespräch auf WhatsApp fortsetzen",
    app: "Dieses Gespräch in der App auf einem anderen Gerät nutzen",
    quiet: "Ruhezeiten festlegen, zum Beispiel /quiet 22-7",
    timezone: "Deine Zeitzone festlegen, zum Beispiel /timezone Europe/Berlin",
    stop: "Check-in-Nachrichten ausschalten",
  },
};

function menuIn(language: ReplyLanguage): BotCommand[] {
  return MENU_ORDER.map((entry) => ({
    command: entry === "human" ? HUMAN_COMMAND[language] : entry,
    description: DESCRIPTIONS[language][entry],
  }));
}

/** Each language's menu. */
export const COMMAND_MENUS = Object.fromEntries(
  Object.keys(DESCRIPTIONS).map((language) => [language, menuIn(language as ReplyLanguage)]),
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
