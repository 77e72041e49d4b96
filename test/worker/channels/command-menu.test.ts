// The bot's command menu in the persona's languages: connecting a bot sets one menu per language the
// persona speaks and a default one in its first, saving new languages sets them again, and a menu
// Telegram refuses never stops the bot from being connected.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMAND_MENUS } from "../../../worker/channels/telegram/command-menu";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectBot, eventually, newBotToken, telegramCalls } from "./channel-helpers";

let workspace: SeededWorkspace;

async function savePersona(languages: string[]): Promise<void> {
  const res = await call("/api/v1/persona", {
    method: "PUT",
    token: workspace.members.editor.token,
    body: { name: "Maya", voice: "Warm.", fallback: "Not yet.", languages },
  });
  expect(res.status).toBe(200);
}

/** The menu Telegram shows a user whose app is in `languageCode` ("" for the default one). */
async function menu(token: string, languageCode = ""): Promise<unknown> {
  const res = await fetch(`${env.TELEGRAM_API_ROOT}/bot${token}/getMyCommands`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(languageCode ? { language_code: languageCode } : {}),
  });
  return ((await res.json()) as { result: unknown }).result;
}

beforeAll(async () => {
  workspace = await seedWorkspace();
  await savePersona(["es", "de"]);
});

describe("the Telegram command menu", () => {
  it("is set per persona language when a bot is connected, the default one in the first", async () => {
    const bot = await connectBot(workspace);
    expect(await menu(bot.token)).toEqual(COMMAND_MENUS.es);
    expect(await menu(bot.token, "es")).toEqual(COMMAND_MENUS.es);
    expect(await menu(bot.token, "de")).toEqual(COMMAND_MENUS.de);
    expect(await menu(bot.token, "de")).toContainEqual({
      command: "mensch",
      description: "Mit einem Menschen aus dem Team sprechen",
    });
    expect(await menu(bot.token, "fr")).toEqual([]);
  });

  it("is set again when the persona's languages change", async () => {
    const bot = await connectBot(workspace);
    await savePersona(["fr", "en"]);
    await eventually(async () => expect(await menu(bot.token, "fr")).toEqual(COMMAND_MENUS.fr));
    expect(await menu(bot.token)).toEqual(COMMAND_MENUS.fr);
    expect(await menu(bot.token, "en")).toEqual(COMMAND_MENUS.en);
    const sets = (await telegramCalls(bot.token, "setMyCommands")).length;
    await savePersona(["fr", "en"]);
    // Same languages: nothing to set again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await telegramCalls(bot.token, "setMyCommands")).toHaveLength(sets);
  });

  it("never stops a bot from being connected when Telegram refuses it", async () => {
    const token = newBotToken();
    await fetch(`${env.TELEGRAM_API_ROOT}/__refuse?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        method: "setMyCommands",
        error_code: 400,
        description: "Bad Request: BOT_COMMAND_INVALID",
      }),
    });
    const res = await call("/api/v1/channels/telegram", {
      token: workspace.members.owner.token,
      body: { bot_token: token },
    });
    expect(res.status).toBe(201);
    expect(await telegramCalls(token, "setWebhook")).toHaveLength(1);
    expect((await telegramCalls(token, "setMyCommands")).length).toBeGreaterThan(0);
  });
});
