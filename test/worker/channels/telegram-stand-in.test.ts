// The Telegram stand-in delivers updates the way Telegram does, so a test that presses a button
// proves the button can be pressed for real. Each rule cites the Bot API documentation of setWebhook
// (https://core.telegram.org/bots/api#setwebhook) and getUpdates' allowed_updates.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { TelegramDelivery } from "../../support/telegram-stand-in";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectBot, newBotToken } from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function bot(method: string, token: string, params: object = {}): Promise<unknown> {
  const res = await fetch(`${env.TELEGRAM_API_ROOT}/bot${token}/${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(params),
  });
  return ((await res.json()) as { result: unknown }).result;
}

async function wouldDeliver(token: string, update: object): Promise<boolean> {
  const res = await fetch(`${env.TELEGRAM_API_ROOT}/__deliver?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(update),
  });
  return ((await res.json()) as TelegramDelivery).deliver;
}

const pressed = {
  update_id: 1,
  callback_query: {
    id: "q",
    from: { id: 1, is_bot: false, first_name: "Sam" },
    chat_instance: "c",
    data: "yes",
  },
};
const text = {
  update_id: 2,
  message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "hi" },
};
const memberChange = { update_id: 3, chat_member: { chat: { id: 1, type: "group" } } };

describe("the Telegram stand-in's webhook delivery", () => {
  it("sends only the update types allowed_updates names", async () => {
    const token = newBotToken();
    await bot("setWebhook", token, {
      url: "https://edge.test/webhooks/telegram/1",
      allowed_updates: ["message"],
    });
    expect(await wouldDeliver(token, text)).toBe(true);
    expect(await wouldDeliver(token, pressed)).toBe(false);
  });

  it("keeps the previous list when setWebhook leaves it out, and an empty list means all but member and reaction updates", async () => {
    const token = newBotToken();
    await bot("setWebhook", token, {
      url: "https://edge.test/webhooks/telegram/2",
      allowed_updates: ["message"],
    });
    await bot("setWebhook", token, { url: "https://edge.test/webhooks/telegram/2" });
    expect(await wouldDeliver(token, pressed)).toBe(false);
    await bot("setWebhook", token, {
      url: "https://edge.test/webhooks/telegram/2",
      allowed_updates: [],
    });
    expect(await wouldDeliver(token, pressed)).toBe(true);
    expect(await wouldDeliver(token, memberChange)).toBe(false);
  });

  it("sends nothing to a bot without a webhook", async () => {
    expect(await wouldDeliver(newBotToken(), text)).toBe(false);
  });
});

describe("the Telegram stand-in's sendMessage", () => {
  const send = async (text: string, parseMode?: string) => {
    const res = await fetch(`${env.TELEGRAM_API_ROOT}/bot${newBotToken()}/sendMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ chat_id: 1, text, ...(parseMode ? { parse_mode: parseMode } : {}) }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { description?: string; result?: { text: string } },
    };
  };

  // https://core.telegram.org/bots/api#html-style: only the listed tags, other <, > and & as entities.
  it("refuses HTML Telegram cannot parse, as Telegram does", async () => {
    expect((await send("<b>never closed", "HTML")).body.description).toMatch(
      /^Bad Request: can't parse entities/,
    );
    expect((await send("<h1>Title</h1>", "HTML")).status).toBe(400);
    expect((await send("R&D", "HTML")).status).toBe(400);
    expect((await send("<b>R&amp;D</b> &lt;3", "HTML")).body.result?.text).toBe("R&D <3");
  });

  // https://core.telegram.org/bots/api#sendmessage: "1-4096 characters after entities parsing".
  it("refuses an empty text and one over 4,096 characters once the tags are read", async () => {
    expect((await send("", "HTML")).body.description).toBe("Bad Request: message text is empty");
    expect((await send("a".repeat(4097))).body.description).toBe(
      "Bad Request: message is too long",
    );
    expect((await send(`<b>${"a".repeat(4096)}</b>`, "HTML")).status).toBe(200);
  });
});

describe("a connected bot's webhook", () => {
  it("asks Telegram for every update type the bot handles, button presses included", async () => {
    const connected = await connectBot(workspace);
    const info = (await bot("getWebhookInfo", connected.token)) as { allowed_updates: string[] };
    expect(info.allowed_updates).toEqual(expect.arrayContaining(["message", "callback_query"]));
    expect(await wouldDeliver(connected.token, pressed)).toBe(true);
  });
});

// https://core.telegram.org/bots/api#setmycommands and #botcommand.
describe("the Telegram stand-in's setMyCommands", () => {
  const setMenu = async (commands: unknown, languageCode?: string) => {
    const token = newBotToken();
    const res = await fetch(`${env.TELEGRAM_API_ROOT}/bot${token}/setMyCommands`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        commands,
        ...(languageCode === undefined ? {} : { language_code: languageCode }),
      }),
    });
    return { token, status: res.status, body: (await res.json()) as { description?: string } };
  };
  const command = (name: string, description = "Does it") => ({ command: name, description });

  it("keeps one menu per language code, the default under none", async () => {
    const { token } = await setMenu([command("help", "What I can do")]);
    await bot("setMyCommands", token, {
      commands: [command("help", "Was ich kann")],
      language_code: "de",
    });
    expect(await bot("getMyCommands", token)).toEqual([command("help", "What I can do")]);
    expect(await bot("getMyCommands", token, { language_code: "de" })).toEqual([
      command("help", "Was ich kann"),
    ]);
    expect(await bot("getMyCommands", token, { language_code: "fr" })).toEqual([]);
  });

  it("takes at most 100 commands; an empty list clears the menu", async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => command(`c${i}`));
    expect((await setMenu([])).status).toBe(200);
    expect((await setMenu(many(101))).status).toBe(400);
    expect((await setMenu(many(100))).status).toBe(200);
  });

  it("takes command names of 1 to 32 lowercase letters, digits and underscores only", async () => {
    for (const name of ["Help", "/help", "", "a".repeat(33), "hilfe-mir", "ayuda_ñ"])
      expect((await setMenu([command(name)])).body.description).toBe(
        "Bad Request: BOT_COMMAND_INVALID",
      );
    expect((await setMenu([command(`time_zone_2${"x".repeat(21)}`)])).status).toBe(200);
  });

  it("takes descriptions of 1 to 256 characters", async () => {
    expect((await setMenu([command("help", "")])).body.description).toBe(
      "Bad Request: command description must be non-empty",
    );
    expect((await setMenu([command("help", "é".repeat(257))])).status).toBe(400);
    expect((await setMenu([command("help", "é".repeat(256))])).status).toBe(200);
  });

  it("takes a two-letter ISO 639-1 language code, or none", async () => {
    for (const code of ["pt-BR", "eng", "DE"])
      expect((await setMenu([command("help")], code)).body).toEqual({
        ok: false,
        error_code: 400,
        description: "Bad Request: invalid language code specified",
      });
    expect((await setMenu([command("help")], "")).status).toBe(200);
    expect((await setMenu([command("help")], "pt")).status).toBe(200);
  });
});
