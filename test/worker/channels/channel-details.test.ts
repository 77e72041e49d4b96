// How people reach a channel, as its view shows it: the Telegram bot's username (from getMe on connect)
// and the WhatsApp number as Graph displays it, so the dashboard can build t.me and wa.me links. Both
// read from the sealed config; gone once the channel is disconnected.
import type { ChannelView } from "@coach/contracts/channels";
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectBot, connectNumber } from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function listed(id: string): Promise<ChannelView | undefined> {
  const res = await call("/api/v1/channels", { token: workspace.members.owner.token });
  return ((await res.json()) as { channels: ChannelView[] }).channels.find((c) => c.id === id);
}

describe("a channel's address in its view", () => {
  it("shows a Telegram bot's username on connect, in the list and on its own", async () => {
    const bot = await connectBot(workspace);
    // The stand-in answers getMe with the username Telegram would: coach_<id>_bot.
    const username = `coach_${bot.botId}_bot`;
    expect(bot.channel.bot_username).toBe(username);
    expect((await listed(bot.channel.id))?.bot_username).toBe(username);
    const one = await call(`/api/v1/channels/${bot.channel.id}`, {
      token: workspace.members.owner.token,
    });
    expect(await one.json()).toMatchObject({ bot_username: username });
    expect(bot.channel).not.toHaveProperty("display_phone_number");
  });

  it("shows a WhatsApp number's display number and template in the list", async () => {
    const number = await connectNumber(workspace);
    expect(number.channel).toMatchObject({ display_phone_number: "+1 555-0100", template: null });
    expect(await listed(number.channel.id)).toMatchObject({
      display_phone_number: "+1 555-0100",
      template: null,
    });
    expect(number.channel).not.toHaveProperty("bot_username");
  });

  it("shows neither once the channel is disconnected", async () => {
    const bot = await connectBot(workspace);
    const number = await connectNumber(workspace);
    for (const id of [bot.channel.id, number.channel.id]) {
      const res = await call(`/api/v1/channels/${id}`, {
        method: "DELETE",
        token: workspace.members.owner.token,
      });
      expect(res.status).toBe(200);
    }
    expect(await listed(bot.channel.id)).toMatchObject({ bot_username: null });
    expect(await listed(number.channel.id)).toMatchObject({ display_phone_number: null });
  });
});
