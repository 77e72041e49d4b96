// Quick replies on Telegram: a proactive message with choices becomes an inline keyboard, and a pressed
// button is answered, taken off, and stored as the user's message (or a check-in's answer).
import { beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  deliverUpdate,
  eventually,
  postUpdate,
  telegramCalls,
  textUpdate,
} from "../channels/channel-helpers";
import { agentOf, createProgram, enroll, ranCheckin } from "../programs/program-helpers";
import { channelContact, OUTCOMES, SCALE, sendProactive, userTexts } from "./quick-reply-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

describe("Telegram", () => {
  it("sends the choices as an inline keyboard whose buttons carry the reply ids", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8101, "Hello"));
    const { contactId } = await channelContact(workspace, "telegram", "8101");
    await sendProactive(workspace, contactId, "tg-scale", "How is your energy today?", SCALE);
    const sent = await eventually(async () => {
      const call = (await telegramCalls(bot.token, "sendMessage")).find(
        (c) => c.params.text === "How is your energy today?",
      );
      if (!call) throw new Error("not sent yet");
      return call;
    });
    const keyboard = (
      sent.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard;
    expect(keyboard).toEqual([SCALE.map((r) => ({ text: r.label, callback_data: r.id }))]);
  });

  it("answers a pressed button, removes the keyboard, and stores the choice without asking the assistant", async () => {
    const bot = await connectBot(workspace);
    const chat = 8102;
    await postUpdate(bot.botId, bot.secret, textUpdate(1, chat, "Hello"));
    const { contactId, conversationId } = await channelContact(workspace, "telegram", String(chat));
    await eventually(async () =>
      expect(await telegramCalls(bot.token, "sendMessage")).toHaveLength(1),
    );
    await sendProactive(workspace, contactId, "tg-outcome", "Did you get your run in?", OUTCOMES);
    const question = await eventually(async () => {
      const call = (await telegramCalls(bot.token, "sendMessage")).find(
        (c) => c.params.text === "Did you get your run in?",
      );
      if (!call) throw new Error("not sent yet");
      return call;
    });
    const res = await deliverUpdate(bot, {
      update_id: 2,
      callback_query: {
        id: "cbq-42",
        from: { id: chat, is_bot: false, first_name: "Sam" },
        chat_instance: "ci-1",
        data: "o-partly",
        message: {
          message_id: 77,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chat, type: "private" },
          text: "Did you get your run in?",
          reply_markup: question.params.reply_markup,
        },
      },
    });
    expect(res?.status).toBe(200);
    await eventually(async () => {
      const [answered] = await telegramCalls(bot.token, "answerCallbackQuery");
      expect(answered?.params.callback_query_id).toBe("cbq-42");
      const [edited] = await telegramCalls(bot.token, "editMessageReplyMarkup");
      expect(edited?.params).toMatchObject({ chat_id: chat, message_id: 77 });
    });
    expect(await userTexts(workspace, conversationId)).toEqual(["Hello", "Partly"]);
    // Turns are answered in order: an answer to "Partly" would come before this question's.
    await postUpdate(bot.botId, bot.secret, textUpdate(3, chat, "What should I eat before a run?"));
    await eventually(async () =>
      expect(
        (await telegramCalls(bot.token, "sendMessage")).filter((c) => !c.params.reply_markup),
      ).toHaveLength(2),
    );
    expect(
      (await telegramCalls(bot.token, "sendMessage")).filter((c) => !c.params.reply_markup),
    ).toHaveLength(2);
  });

  it("records a check-in's pressed button as its answer and thanks the user once in the chat", async () => {
    const bot = await connectBot(workspace);
    const chat = 8103;
    await postUpdate(bot.botId, bot.secret, textUpdate(1, chat, "Hello"));
    const { contactId } = await channelContact(workspace, "telegram", String(chat));
    const identity = { tenantId: workspace.tenantId, contactId };
    await agentOf(workspace.tenantId, contactId).updatePreferences(identity, { quiet_hours: null });
    const program = await createProgram(workspace, { steps: ranCheckin() });
    await enroll(workspace, program.id, contactId);
    await agentOf(workspace.tenantId, contactId).runDue();
    const question = await eventually(async () => {
      const call = (await telegramCalls(bot.token, "sendMessage")).find(
        (c) => c.params.text === "Did you run today?",
      );
      if (!call) throw new Error("not sent yet");
      return call;
    });
    const press = (updateId: number, callbackId: string) =>
      deliverUpdate(bot, {
        update_id: updateId,
        callback_query: {
          id: callbackId,
          from: { id: chat, is_bot: false, first_name: "Sam" },
          chat_instance: "ci-2",
          data: "yes",
          message: {
            message_id: 78,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chat, type: "private" },
            text: "Did you run today?",
            reply_markup: question.params.reply_markup,
          },
        },
      });
    await press(2, "cbq-43");
    const thanks = async () =>
      (await telegramCalls(bot.token, "sendMessage")).filter(
        (c) => c.params.text === 'Thanks! I\'ve noted "Yes".',
      );
    await eventually(async () => expect(await thanks()).toHaveLength(1));
    const [enrollment] = (await agentOf(workspace.tenantId, contactId).snapshot()).enrollments;
    expect(enrollment?.answers.ran).toMatchObject({ choice_id: "yes" });
    await press(3, "cbq-44");
    await eventually(async () =>
      expect(
        (await telegramCalls(bot.token, "answerCallbackQuery")).map(
          (c) => c.params.callback_query_id,
        ),
      ).toContain("cbq-44"),
    );
    expect(await thanks()).toHaveLength(1);
  });
});
