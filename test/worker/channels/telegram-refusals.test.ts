// What the room does when Telegram refuses a message: a 429 is sent again once `retry_after` has
// passed (from the room's retries, by its alarm, once), and a 403 from a person who blocked the bot
// marks them unreachable in the inbox and stops every further message until they write again.
// The stand-in's refusals follow the Bot API (https://core.telegram.org/bots/api#responseparameters,
// https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Conversation } from "@coach/contracts/conversation-views";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  deliverUpdate,
  eventually,
  postUpdate,
  telegramCalls,
  textUpdate,
  type ConnectedBot,
} from "./channel-helpers";

let workspace: SeededWorkspace;
let bot: ConnectedBot;

beforeAll(async () => {
  workspace = await seedWorkspace();
  bot = await connectBot(workspace);
});

async function control(path: "__limit" | "__block", body: object): Promise<void> {
  await fetch(`${env.TELEGRAM_API_ROOT}/${path}?token=${encodeURIComponent(bot.token)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function sendMessages(chatId: number) {
  return (await telegramCalls(bot.token, "sendMessage")).filter(
    (c) => Number(c.params.chat_id) === chatId,
  );
}

async function botApi(method: string, params: object): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${env.TELEGRAM_API_ROOT}/bot${bot.token}/${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: await res.json() };
}

async function conversationOf(chatId: number): Promise<Conversation> {
  return eventually(async () => {
    const res = await call("/api/v1/conversations?channel=telegram", {
      token: workspace.members.owner.token,
    });
    const found = ((await res.json()) as { conversations: Conversation[] }).conversations.find(
      (c) => c.contact?.external_id === String(chatId),
    );
    expect(found).toBeDefined();
    return found as Conversation;
  });
}

describe("the stand-in refuses as Telegram does", () => {
  it("answers 429 with retry_after past the limit, again while the wait lasts, then delivers", async () => {
    await control("__limit", { chat_id: 7100, count: 1, retry_after: 1 });
    const first = await botApi("sendMessage", { chat_id: 7100, text: "one" });
    expect(first).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      },
    });
    expect((await botApi("sendMessage", { chat_id: 7100, text: "two" })).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await botApi("sendMessage", { chat_id: 7100, text: "three" })).status).toBe(200);
  });

  it("answers 403 to messages and chat actions for a person who blocked the bot", async () => {
    await control("__block", { chat_id: 7101, blocked: true });
    for (const [method, params] of [
      ["sendMessage", { chat_id: 7101, text: "hi" }],
      ["sendChatAction", { chat_id: 7101, action: "typing" }],
    ] as const)
      expect(await botApi(method, params)).toEqual({
        status: 403,
        body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      });
  });
});

describe("Telegram asking the room to wait (429)", () => {
  it("sends the answer once, after retry_after, from the room's retries", async () => {
    await control("__limit", { chat_id: 7200, count: 1, retry_after: 2 });
    await postUpdate(bot.botId, bot.secret, textUpdate(72001, 7200, "How do I build a habit?"));
    const calls = await eventually(async () => {
      const sent = await sendMessages(7200);
      expect(sent.length).toBe(2);
      return sent;
    }, 20_000);
    const [refused, delivered] = calls as [(typeof calls)[0], (typeof calls)[0]];
    expect(delivered.params.text).toBe(refused.params.text);
    expect(delivered.at - refused.at).toBeGreaterThanOrEqual(2_000);
    // Nothing more follows: the answer went once.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await sendMessages(7200)).length).toBe(2);
    expect((await conversationOf(7200)).contact?.unreachable_at).toBeNull();
  });
});

describe("a person who blocked the bot (403)", () => {
  it("is marked unreachable in the inbox, gets nothing more, and is reachable again once they write", async () => {
    await postUpdate(bot.botId, bot.secret, textUpdate(73001, 7300, "Hello there"));
    await eventually(async () => expect((await sendMessages(7300)).length).toBe(1));
    await control("__block", { chat_id: 7300, blocked: true });
    await postUpdate(bot.botId, bot.secret, textUpdate(73002, 7300, "And one more thing"));
    const marked = await eventually(async () => {
      const conversation = await conversationOf(7300);
      expect(conversation.contact?.unreachable_at).toEqual(expect.any(Number));
      return conversation;
    });
    expect(marked.contact?.unreachable_reason).toBe("Forbidden: bot was blocked by the user");
    const refusedSoFar = (await sendMessages(7300)).length;

    // The coach writing to them is refused at once, and nothing is stored or sent.
    const owner = workspace.members.owner.token;
    await call(`/api/v1/conversations/${marked.id}/takeover`, { token: owner, method: "POST" });
    const written = await call(`/api/v1/conversations/${marked.id}/messages`, {
      token: owner,
      body: { text: "Are you still there?" },
    });
    expect(written.status).toBe(409);
    expect(((await written.json()) as { error: { code: string } }).error.code).toBe(
      "contact_unreachable",
    );
    expect((await sendMessages(7300)).length).toBe(refusedSoFar);
    await call(`/api/v1/conversations/${marked.id}/handback`, { token: owner, method: "POST" });

    // They unblock the bot and write: the flag is gone and the answer reaches them.
    await control("__block", { chat_id: 7300, blocked: false });
    await postUpdate(bot.botId, bot.secret, textUpdate(73003, 7300, "I'm back"));
    await eventually(async () =>
      expect((await conversationOf(7300)).contact?.unreachable_at).toBeNull(),
    );
    await eventually(async () =>
      expect((await sendMessages(7300)).length).toBeGreaterThan(refusedSoFar),
    );
  });
});

/** Telegram's update when the person blocks ("kicked") or unblocks ("member") the bot. */
function memberUpdate(updateId: number, chatId: number, status: "kicked" | "member"): object {
  const person = { id: chatId, is_bot: false, first_name: "Sam" };
  const bot_user = { id: Number(bot.botId), is_bot: true, first_name: "Coach" };
  return {
    update_id: updateId,
    my_chat_member: {
      chat: { id: chatId, type: "private", first_name: "Sam" },
      from: person,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: status === "kicked" ? "member" : "kicked", user: bot_user },
      new_chat_member:
        status === "kicked"
          ? { status, user: bot_user, until_date: 0 }
          : { status, user: bot_user },
    },
  };
}

describe("Telegram telling the bot it was blocked (my_chat_member)", () => {
  it("is delivered to the webhook and marks the person unreachable, then reachable when unblocked", async () => {
    await postUpdate(bot.botId, bot.secret, textUpdate(74001, 7400, "Hi"));
    await conversationOf(7400);
    const blocked = await deliverUpdate(bot, memberUpdate(74002, 7400, "kicked"));
    expect(blocked?.status).toBe(200);
    const marked = await eventually(async () => {
      const conversation = await conversationOf(7400);
      expect(conversation.contact?.unreachable_at).toEqual(expect.any(Number));
      return conversation;
    });
    expect(marked.contact?.unreachable_reason).toBe("The person blocked the bot");
    expect((await deliverUpdate(bot, memberUpdate(74003, 7400, "member")))?.status).toBe(200);
    await eventually(async () =>
      expect((await conversationOf(7400)).contact?.unreachable_at).toBeNull(),
    );
  });
});
