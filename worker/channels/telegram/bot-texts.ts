// The Telegram bot's own words in each language the platform writes (bot-texts.messages.json), and the
// language one update is answered in: the one a member (or the person, in the app) chose for the chat's
// contact, else the user's Telegram language when it has a catalogue, else the persona's first. The
// commands keep their Telegram names (/start, /stop…) in every language, as Telegram's menus show them.
import { and, eq } from "drizzle-orm";
import type { Context } from "grammy";
import { forTenant } from "../../db/tenant-gateway";
import { chooseReplyLanguage, type ReplyLanguage } from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import type { BotDeps } from "./bot-context";
import catalog from "./bot-texts.messages.json";

export type BotTexts = {
  /** /help's message, one line per command (`helpMessage` joins them). */
  help: string[];
  /** The first words after /start, from the bot called `{botName}`. */
  greeting: string;
  reset: string;
  stopped: string;
  tooFast: string;
  /** /start named a program `{slug}` that no active program has. */
  programNotFound: string;
  /** /start named the `{program}` the person is already in. */
  alreadyIn: string;
  /** /start enrolled the person in `{program}`. */
  joined: string;
  quietUsage: string;
  /** Quiet hours from `{start}` to `{end}`. */
  quietSet: string;
  quietOff: string;
  timeZoneUsage: string;
  /** The `{timeZone}` now set. */
  timeZoneSet: string;
};

export const BOT_TEXTS: Record<ReplyLanguage, BotTexts> = catalog;

/** The /help message in `texts`' language. */
export function helpMessage(texts: BotTexts): string {
  return texts.help.join("\n");
}

/** The language chosen for the contact of `ctx`'s chat (contacts.language), if it has one yet. */
async function chosenLanguage(deps: BotDeps, ctx: Context): Promise<string | null> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return null;
  const [contact] = await forTenant(deps.env.DB, deps.channel.tenantId).list("contacts", {
    where: (t) => and(eq(t.channel, "telegram"), eq(t.externalId, String(chatId))),
    limit: 1,
  });
  return contact?.language ?? null;
}

/**
 * The language to answer `ctx`'s user in (see the top of this file). A caller that has just read the
 * chat's contact passes it, so its chosen language is not read again.
 */
export async function botLanguage(
  deps: BotDeps,
  ctx: Context,
  contact?: { language: string | null },
): Promise<ReplyLanguage> {
  const [{ persona }, chosen] = await Promise.all([
    loadPersona(deps.env.DB, deps.channel.tenantId),
    contact ? contact.language : chosenLanguage(deps, ctx),
  ]);
  return chooseReplyLanguage(persona, { stated: chosen ?? ctx.from?.language_code });
}

/** The words to answer `ctx`'s user with, in `botLanguage`. */
export async function botTexts(deps: BotDeps, ctx: Context): Promise<BotTexts> {
  return BOT_TEXTS[await botLanguage(deps, ctx)];
}
