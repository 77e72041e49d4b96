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

/**
 * Each language's menu. The request for a person has a command of its own in each language (the room
 * reads /human, /humano, /pessoa, /humain and /mensch alike); the others keep their names everywhere.
 */
export const COMMAND_MENUS: Record<ReplyLanguage, BotCommand[]> = {
  en: [
    { command: "start", description: "Start, or turn check-ins back on" },
    { command: "help", description: "What I can do" },
    { command: "reset", description: "Start a new conversation" },
    { command: "human", description: "Talk to a person from the coaching team" },
    { command: "link", description: "Continue this conversation on WhatsApp" },
    { command: "quiet", description: "Set quiet hours for check-ins, like /quiet 22-7" },
    { command: "timezone", description: "Set your time zone, like /timezone Europe/London" },
    { command: "stop", description: "Turn off check-in messages" },
  ],
  es: [
    { command: "start", description: "Empezar, o volver a activar los seguimientos" },
    { command: "help", description: "Qué puedo hacer" },
    { command: "reset", description: "Empezar una conversación nueva" },
    { command: "humano", description: "Hablar con una persona del equipo" },
    { command: "link", description: "Seguir esta conversación en WhatsApp" },
    { command: "quiet", description: "Fijar horas de silencio, por ejemplo /quiet 22-7" },
    {
      command: "timezone",
      description: "Fijar tu zona horaria, por ejemplo /timezone Europe/Madrid",
    },
    { command: "stop", description: "Desactivar los mensajes de seguimiento" },
  ],
  pt: [
    { command: "start", description: "Começar, ou voltar a ligar os acompanhamentos" },
    { command: "help", description: "O que posso fazer" },
    { command: "reset", description: "Começar uma conversa nova" },
    { command: "pessoa", description: "Falar com uma pessoa da equipa" },
    { command: "link", description: "Continuar esta conversa no WhatsApp" },
    { command: "quiet", description: "Definir horas de silêncio, por exemplo /quiet 22-7" },
    {
      command: "timezone",
      description: "Definir o seu fuso horário, por exemplo /timezone Europe/Lisbon",
    },
    { command: "stop", description: "Desligar as mensagens de acompanhamento" },
  ],
  fr: [
    { command: "start", description: "Commencer, ou réactiver les suivis" },
    { command: "help", description: "Ce que je sais faire" },
    { command: "reset", description: "Commencer une nouvelle conversation" },
    { command: "humain", description: "Parler à une personne de l'équipe" },
    { command: "link", description: "Continuer cette conversation sur WhatsApp" },
    { command: "quiet", description: "Définir des heures calmes, par exemple /quiet 22-7" },
    {
      command: "timezone",
      description: "Définir votre fuseau horaire, par exemple /timezone Europe/Paris",
    },
    { command: "stop", description: "Désactiver les messages de suivi" },
  ],
  de: [
    { command: "start", description: "Starten oder Check-ins wieder einschalten" },
    { command: "help", description: "Was ich kann" },
    { command: "reset", description: "Ein neues Gespräch beginnen" },
    { command: "mensch", description: "Mit einem Menschen aus dem Team sprechen" },
    { command: "link", description: "Dieses Gespräch auf WhatsApp fortsetzen" },
    { command: "quiet", description: "Ruhezeiten festlegen, zum Beispiel /quiet 22-7" },
    {
      command: "timezone",
      description: "Deine Zeitzone festlegen, zum Beispiel /timezone Europe/Berlin",
    },
    { command: "stop", description: "Check-in-Nachrichten ausschalten" },
  ],
};

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
