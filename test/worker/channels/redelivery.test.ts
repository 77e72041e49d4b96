// A message whose hand-off to its room fails is not lost: the webhook answers 503 instead of 200, the
// event is not remembered as seen, and the platform's redelivery is stored and answered exactly once.
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  graphCalls,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
} from "./channel-helpers";

// The room's storage is made to fail for the next `failures.left` channel messages, as an overloaded
// or restarting Durable Object would.
const failures = { left: 0 };
const getRoom = env.CONVERSATION_ROOM.get.bind(env.CONVERSATION_ROOM);
vi.spyOn(env.CONVERSATION_ROOM, "get").mockImplementation((id) => {
  const room = getRoom(id);
  if (failures.left === 0) return room;
  failures.left -= 1;
  return {
    receiveChannelMessage: () =>
      Promise.reject(new Error("Durable Object reset because its code was updated.")),
  } as unknown as typeof room;
});

async function onlyConversationMessages(
  owner: SeededWorkspace["members"]["owner"],
): Promise<{ role: string; text: string }[]> {
  const list = (await (await call("/api/v1/conversations", { token: owner.token })).json()) as {
    conversations: { id: string }[];
  };
  expect(list.conversations).toHaveLength(1);
  const page = await call(`/api/v1/conversations/${list.conversations[0]?.id}/messages`, {
    token: owner.token,
  });
  return ((await page.json()) as { messages: { role: string; text: string }[] }).messages;
}

describe("a failed hand-off to the room", () => {
  it("asks Telegram to redeliver, and the redelivered update is stored and answered once", async () => {
    const own = await seedWorkspace();
    const bot = await connectBot(own);
    const update = textUpdate(500, 9100, "Will this message survive?");
    failures.left = 1;
    expect((await postUpdate(bot.botId, bot.secret, update)).status).toBe(503);
    expect((await postUpdate(bot.botId, bot.secret, update)).status).toBe(200);
    expect((await postUpdate(bot.botId, bot.secret, update)).status).toBe(200);
    await eventually(async () =>
      expect((await telegramCalls(bot.token, "sendMessage")).length).toBe(1),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await telegramCalls(bot.token, "sendMessage")).toHaveLength(1);
    const messages = await eventually(async () => {
      const stored = await onlyConversationMessages(own.members.owner);
      expect(stored.map((m) => m.role)).toEqual(["user", "assistant"]);
      return stored;
    });
    expect(messages[0]?.text).toBe("Will this message survive?");
  });

  it("asks Meta to redeliver, and the redelivered message is stored and answered once", async () => {
    const own = await seedWorkspace();
    const number = await connectNumber(own);
    const payload = waText(number.phoneId, "15559100", "wamid.LOST1", "Will this message survive?");
    failures.left = 1;
    expect((await postSigned(number, payload)).status).toBe(503);
    expect((await postSigned(number, payload)).status).toBe(200);
    expect((await postSigned(number, payload)).status).toBe(200);
    const answers = async () =>
      (await graphCalls(number.phoneId)).filter((c) => c.body?.type === "text");
    await eventually(async () => expect(await answers()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await answers()).toHaveLength(1);
    const stored = await eventually(async () => {
      const messages = await onlyConversationMessages(own.members.owner);
      expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
      return messages;
    });
    expect(stored[0]?.text).toBe("Will this message survive?");
  });
});
