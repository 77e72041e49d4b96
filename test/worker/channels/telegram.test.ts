// Telegram end to end: connecting a bot, updates through the webhook into the room, answers back
// through the Bot API stand-in, commands, redeliveries and disconnecting.
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  eventually,
  newBotToken,
  postUpdate,
  telegramCalls,
  textUpdate,
} from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function sentTexts(token: string, chatId?: number): Promise<string[]> {
  return (await telegramCalls(token, "sendMessage"))
    .filter((c) => chatId === undefined || Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text));
}

describe("connecting a Telegram bot", () => {
  it("answers the channel with its id and webhook URL, and sets that webhook with a secret token", async () => {
    const bot = await connectBot(workspace);
    expect(bot.channel).toMatchObject({
      kind: "telegram",
      status: "active",
      external_id: bot.botId,
      webhook_url: `http://edge.test/webhooks/telegram/${bot.botId}`,
    });
    const [setWebhook] = await telegramCalls(bot.token, "setWebhook");
    expect(setWebhook?.params).toMatchObject({ url: bot.channel.webhook_url });
    expect(bot.secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
  });

  it("never answers the bot token or the webhook secret", async () => {
    const bot = await connectBot(workspace);
    const texts = await Promise.all([
      call("/api/v1/channels", { token: workspace.members.owner.token }).then((r) => r.text()),
      call(`/api/v1/channels/${bot.channel.id}`, { token: workspace.members.owner.token }).then(
        (r) => r.text(),
      ),
    ]);
    for (const text of texts) {
      expect(text).toContain(bot.channel.id);
      expect(text).not.toContain(bot.token.split(":")[1]);
      expect(text).not.toContain(bot.secret);
    }
  });

  it("refuses a token Telegram does not accept", async () => {
    const res = await call("/api/v1/channels/telegram", {
      token: workspace.members.owner.token,
      body: { bot_token: newBotToken(true) },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      "invalid_bot_token",
    );
  });

  it("shows Telegram's webhook info and the last message time", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 5001, "Hello"));
    const view = await eventually(async () => {
      const res = await call(`/api/v1/channels/${bot.channel.id}`, {
        token: workspace.members.viewer.token,
      });
      const body = (await res.json()) as {
        last_message_at: number | null;
        webhook_info: { url: string };
      };
      expect(body.last_message_at).not.toBeNull();
      return body;
    });
    expect(view.webhook_info.url).toBe(bot.channel.webhook_url);
  });
});

describe("the Telegram webhook", () => {
  it("answers a text message in the chat, with the typing action first", async () => {
    const bot = await connectBot(workspace);
    const res = await postUpdate(
      bot.botId,
      bot.secret,
      textUpdate(10, 7001, "How do I build a morning routine?"),
    );
    expect(res.status).toBe(200);
    const [answer] = await eventually(async () => {
      const texts = await sentTexts(bot.token, 7001);
      expect(texts).toHaveLength(1);
      return texts;
    });
    expect(answer?.length).toBeGreaterThan(0);
    const calls = await telegramCalls(bot.token);
    const typing = calls.findIndex(
      (c) => c.method === "sendChatAction" && c.params.action === "typing",
    );
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(calls.findIndex((c) => c.method === "sendMessage"));
  });

  it("stores one message and sends one reply when every update is delivered five times, interleaved", async () => {
    const own = await seedWorkspace();
    const bot = await connectBot(own);
    const updates = [20, 21, 22].map((id, i) => textUpdate(id, 7100 + i, `Question number ${i}`));
    const deliveries = [1, 2, 3, 4, 5].flatMap(() => updates);
    const statuses = await Promise.all(
      deliveries.map((u) => postUpdate(bot.botId, bot.secret, u).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await eventually(async () => expect(await sentTexts(bot.token)).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const chat of [7100, 7101, 7102]) expect(await sentTexts(bot.token, chat)).toHaveLength(1);
    const list = (await (
      await call("/api/v1/conversations", { token: own.members.owner.token })
    ).json()) as { conversations: { id: string }[] };
    expect(list.conversations).toHaveLength(3);
    for (const conversation of list.conversations) {
      const page = await call(`/api/v1/conversations/${conversation.id}/messages`, {
        token: own.members.owner.token,
      });
      const { messages } = (await page.json()) as { messages: { role: string }[] };
      expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    }
  });

  it("refuses a wrong secret with 401", async () => {
    const bot = await connectBot(workspace);
    expect((await postUpdate(bot.botId, `${bot.secret}x`, textUpdate(30, 7200, "hi"))).status).toBe(
      401,
    );
    expect((await postUpdate(bot.botId, undefined, textUpdate(31, 7200, "hi"))).status).toBe(401);
  });

  it("acknowledges and ignores malformed bodies and unknown update types", async () => {
    const bot = await connectBot(workspace);
    const bodies = [
      "{not json",
      "[]",
      JSON.stringify({ update_id: "x" }),
      JSON.stringify({ update_id: 40, edited_message: { text: "x" } }),
      JSON.stringify({ update_id: 41, brand_new_kind: {} }),
    ];
    for (const body of bodies)
      expect((await postUpdate(bot.botId, bot.secret, body)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sentTexts(bot.token)).toEqual([]);
  });
});

describe("bot commands", () => {
  it("greets on /start and asks for consent", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(50, 7300, "/start"));
    const [greeting] = await eventually(async () => {
      const texts = await sentTexts(bot.token, 7300);
      expect(texts).toHaveLength(1);
      return texts;
    });
    expect(greeting).toContain("you agree that your messages are stored");
    expect(greeting).toContain("/stop");
  });

  it("lists the commands on /help", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(60, 7400, "/help"));
    const texts = await eventually(async () => {
      const sent = await sentTexts(bot.token, 7400);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(texts[0]).toMatch(/\/reset[\s\S]*\/stop/);
  });

  it("turns check-ins off on /stop", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(70, 7500, "/stop"));
    const texts = await eventually(async () => {
      const sent = await sentTexts(bot.token, 7500);
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(texts[0]).toContain("Check-in messages are off");
  });

  it("starts a new conversation on /reset", async () => {
    const bot = await connectBot(workspace);
    const conversations = async () => {
      const res = await call("/api/v1/conversations", { token: workspace.members.owner.token });
      return ((await res.json()) as { conversations: { id: string }[] }).conversations;
    };
    const before = new Set((await conversations()).map((c) => c.id));
    await postUpdate(bot.botId, bot.secret, textUpdate(80, 7600, "First question"));
    await eventually(async () => expect(await sentTexts(bot.token, 7600)).toHaveLength(1));
    await postUpdate(bot.botId, bot.secret, textUpdate(81, 7600, "/reset"));
    await eventually(async () => expect(await sentTexts(bot.token, 7600)).toHaveLength(2));
    await postUpdate(bot.botId, bot.secret, textUpdate(82, 7600, "Second question"));
    await eventually(async () => expect(await sentTexts(bot.token, 7600)).toHaveLength(3));
    await eventually(async () =>
      expect((await conversations()).filter((c) => !before.has(c.id))).toHaveLength(2),
    );
  });
});

describe("managing a Telegram channel", () => {
  it("rotates the webhook secret: the old one is refused, the new one accepted", async () => {
    const bot = await connectBot(workspace);
    const res = await call(`/api/v1/channels/${bot.channel.id}/rotate`, {
      token: workspace.members.admin.token,
      body: {},
    });
    expect(res.status).toBe(200);
    const [latest] = (await telegramCalls(bot.token, "setWebhook")).slice(-1);
    const fresh = String(latest?.params.secret_token);
    expect(fresh).not.toBe(bot.secret);
    expect((await postUpdate(bot.botId, bot.secret, textUpdate(90, 7700, "/help"))).status).toBe(
      401,
    );
    expect((await postUpdate(bot.botId, fresh, textUpdate(91, 7700, "/help"))).status).toBe(200);
  });

  it("deletes the webhook on disconnect and refuses updates afterwards", async () => {
    const bot = await connectBot(workspace);
    const res = await call(`/api/v1/channels/${bot.channel.id}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "disconnected", webhook_url: null });
    expect(await telegramCalls(bot.token, "deleteWebhook")).toHaveLength(1);
    expect((await postUpdate(bot.botId, bot.secret, textUpdate(100, 7800, "hi"))).status).toBe(401);
  });

  it("records connecting, rotating and disconnecting in the audit log", async () => {
    const bot = await connectBot(workspace);
    await call(`/api/v1/channels/${bot.channel.id}/rotate`, {
      token: workspace.members.owner.token,
      body: {},
    });
    await call(`/api/v1/channels/${bot.channel.id}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    const res = await call(`/api/v1/audit?target_id=${bot.channel.id}`, {
      token: workspace.members.owner.token,
    });
    const { events } = (await res.json()) as { events: { action: string; actor_id: string }[] };
    expect(events.map((e) => e.action).sort()).toEqual([
      "channel.connected",
      "channel.disconnected",
      "channel.rotated",
    ]);
    expect(new Set(events.map((e) => e.actor_id))).toEqual(
      new Set([workspace.members.owner.userId]),
    );
  });

  it("answers another workspace's channel as not found", async () => {
    const bot = await connectBot(workspace);
    const other = await seedWorkspace();
    const res = await call(`/api/v1/channels/${bot.channel.id}`, {
      token: other.members.owner.token,
    });
    expect(res.status).toBe(404);
  });
});
