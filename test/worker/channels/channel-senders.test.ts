// A conversation opens its channel's credentials once per route, not on every typing tick or message,
// and opens them again once the platform has refused a send (a rotated token) or the channel is gone.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ChannelSenders } from "../../../durable-objects/room/channel-senders";
import type { SenderTarget } from "../../../worker/channels/channel-sender";
import { createLogger } from "../../../worker/lib/logger";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectBot, connectNumber, graphCalls, telegramCalls } from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

function target(channelId: string, chat: string): SenderTarget {
  return {
    tenantId: workspace.tenantId,
    conversationId: crypto.randomUUID(),
    channel: "telegram",
    channelId,
    externalChatId: chat,
    contactId: null,
  };
}

describe("a room's channel senders", () => {
  it("keeps one sender per route and sends with it", async () => {
    const bot = await connectBot(workspace);
    const senders = new ChannelSenders(env, createLogger({}, "error"));
    const first = await senders.get(target(bot.channel.id, "7001"));
    expect(first).not.toBeNull();
    expect(await senders.get(target(bot.channel.id, "7001"))).toBe(first);
    expect(await senders.get(target(bot.channel.id, "7002"))).not.toBe(first);
    await first?.text("Hello there", null);
    expect((await telegramCalls(bot.token, "sendMessage")).map((c) => c.params.text)).toEqual([
      "Hello there",
    ]);
  });

  it("opens the channel again after forgetting, and answers nothing for a disconnected channel", async () => {
    const bot = await connectBot(workspace);
    const senders = new ChannelSenders(env, createLogger({}, "error"));
    const route = target(bot.channel.id, "7003");
    const first = await senders.get(route);
    senders.forget(route);
    expect(await senders.get(route)).not.toBe(first);
    await call(`/api/v1/channels/${bot.channel.id}`, {
      token: workspace.members.owner.token,
      method: "DELETE",
    });
    senders.forget(route);
    expect(await senders.get(route)).toBeNull();
  });

  it("never opens another workspace's channel", async () => {
    const bot = await connectBot(await seedWorkspace());
    const senders = new ChannelSenders(env, createLogger({}, "error"));
    expect(await senders.get(target(bot.channel.id, "7004"))).toBeNull();
  });
});

describe("an answer written in Markdown", () => {
  const answer = "**Bedtime** is *nine*.\n\n- Lights down\n- [Guide](https://coach.example/sleep)";

  it("arrives on Telegram as Telegram HTML", async () => {
    const bot = await connectBot(workspace);
    const sender = await new ChannelSenders(env, createLogger({}, "error")).get(
      target(bot.channel.id, "7010"),
    );
    await sender?.text(answer, null);
    const [sent] = await telegramCalls(bot.token, "sendMessage");
    expect(sent?.params).toMatchObject({
      parse_mode: "HTML",
      text: '<b>Bedtime</b> is <i>nine</i>.\n\n• Lights down\n• <a href="https://coach.example/sleep">Guide</a>',
    });
  });

  it("arrives on WhatsApp in WhatsApp's formatting", async () => {
    const number = await connectNumber(workspace);
    const route: SenderTarget = { ...target(number.channel.id, "15550070"), channel: "whatsapp" };
    const sender = await new ChannelSenders(env, createLogger({}, "error")).get(route);
    await sender?.text(answer, null);
    const [sent] = (await graphCalls(number.phoneId)).filter((c) => c.body?.type === "text");
    expect(sent?.body?.text).toMatchObject({
      body: "*Bedtime* is _nine_.\n\n• Lights down\n• Guide (https://coach.example/sleep)",
    });
  });
});
