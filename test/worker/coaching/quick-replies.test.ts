// Quick replies on the messaging channels: a proactive message with choices becomes a Telegram inline
// keyboard (a pressed button is answered, taken off, and stored as the user's message) or WhatsApp reply
// buttons (a numbered list beyond three or past 20 characters; a pressed button comes back by its id).
import type { QuickReply } from "@coach/contracts/socket";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  deliverUpdate,
  eventually,
  graphCalls,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
} from "../channels/channel-helpers";
import { agentOf, createProgram, enroll, ranCheckin } from "../programs/program-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

const SCALE: QuickReply[] = ["1", "2", "3", "4", "5"].map((n) => ({ id: `energy-${n}`, label: n }));
const OUTCOMES: QuickReply[] = [
  { id: "o-done", label: "Done" },
  { id: "o-partly", label: "Partly" },
  { id: "o-not-yet", label: "Not yet" },
];

/** The contact and open conversation of a channel user, once their first message has been stored. */
async function channelContact(kind: "telegram" | "whatsapp", externalId: string) {
  const gateway = forTenant(env.DB, workspace.tenantId);
  const contact = await eventually(async () => {
    const [found] = await gateway.list("contacts", {
      where: (t) => and(eq(t.channel, kind), eq(t.externalId, externalId)),
    });
    if (!found) throw new Error("no contact yet");
    return found;
  });
  const [conversation] = await gateway.list("conversations", {
    where: (t) => eq(t.contactId, contact.id),
  });
  if (!conversation) throw new Error("no conversation");
  return { contactId: contact.id, conversationId: conversation.id };
}

/** Sends a proactive message with quick replies through the contact's coaching agent, now. */
async function sendProactive(
  contactId: string,
  id: string,
  text: string,
  replies: QuickReply[],
): Promise<void> {
  const identity = { tenantId: workspace.tenantId, contactId };
  const agent = agentOf(workspace.tenantId, contactId);
  await agent.updatePreferences(identity, {
    quiet_hours: null,
    caps: { per_day: 50, per_week: 200 },
  });
  await agent.queueIntervention(identity, { id, text, quick_replies: replies, reason: "test" });
  await agent.runDue();
}

async function userTexts(conversationId: string): Promise<string[]> {
  const page = await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100);
  return page.messages.filter((m) => m.role === "user").map((m) => m.text);
}

describe("Telegram", () => {
  it("sends the choices as an inline keyboard whose buttons carry the reply ids", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8101, "Hello"));
    const { contactId } = await channelContact("telegram", "8101");
    await sendProactive(contactId, "tg-scale", "How is your energy today?", SCALE);
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
    const { contactId, conversationId } = await channelContact("telegram", String(chat));
    await eventually(async () =>
      expect(await telegramCalls(bot.token, "sendMessage")).toHaveLength(1),
    );
    await sendProactive(contactId, "tg-outcome", "Did you get your run in?", OUTCOMES);
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
    expect(await userTexts(conversationId)).toEqual(["Hello", "Partly"]);
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
    const { contactId } = await channelContact("telegram", String(chat));
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

describe("WhatsApp", () => {
  async function openChat(from: string) {
    const number = await connectNumber(workspace);
    await postSigned(number, waTextNotification(number.phoneId, from, `wamid.IN-${from}`, "Hi"));
    const ids = await channelContact("whatsapp", from);
    return { number, ...ids };
  }

  function waTextNotification(phoneId: string, from: string, id: string, text: string): object {
    return notification(phoneId, from, {
      id,
      from,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: "text",
      text: { body: text },
    });
  }

  function notification(phoneId: string, from: string, message: object): object {
    return {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba-1",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "15550100", phone_number_id: phoneId },
                contacts: [{ wa_id: from, profile: { name: "Sam" } }],
                messages: [message],
              },
            },
          ],
        },
      ],
    };
  }

  it("sends up to three short choices as reply buttons", async () => {
    const { number, contactId } = await openChat("15550301");
    await sendProactive(contactId, "wa-buttons", "Did you get your run in?", OUTCOMES);
    const sent = await eventually(async () => {
      const call = (await graphCalls(number.phoneId)).find((c) => c.body?.type === "interactive");
      if (!call) throw new Error("not sent yet");
      return call;
    });
    expect(sent.body?.interactive).toEqual({
      type: "button",
      body: { text: "Did you get your run in?" },
      action: {
        buttons: OUTCOMES.map((r) => ({ type: "reply", reply: { id: r.id, title: r.label } })),
      },
    });
  });

  it("falls back to a numbered list beyond three choices, and matches a typed number", async () => {
    const { number, contactId, conversationId } = await openChat("15550302");
    await sendProactive(contactId, "wa-list", "How is your energy today?", SCALE);
    const sent = await eventually(async () => {
      const call = (await graphCalls(number.phoneId)).find((c) =>
        String((c.body?.text as { body?: string } | undefined)?.body ?? "").startsWith(
          "How is your energy",
        ),
      );
      if (!call) throw new Error("not sent yet");
      return call;
    });
    expect((sent.body?.text as { body: string }).body).toBe(
      "How is your energy today?\n\n1. 1\n2. 2\n3. 3\n4. 4\n5. 5\nReply with a number.",
    );
    expect((await graphCalls(number.phoneId)).some((c) => c.body?.type === "interactive")).toBe(
      false,
    );
    await postSigned(number, waTextNotification(number.phoneId, "15550302", "wamid.IN-typed", "4"));
    await eventually(async () => expect(await userTexts(conversationId)).toEqual(["Hi", "4"]));
    // The typed "4" answered the list, so the assistant was not asked; turns are answered in order.
    await postSigned(
      number,
      waTextNotification(
        number.phoneId,
        "15550302",
        "wamid.IN-next",
        "What should I eat before a run?",
      ),
    );
    const answers = async () =>
      (await graphCalls(number.phoneId)).filter(
        (c) =>
          c.body?.type === "text" &&
          !String((c.body.text as { body: string }).body).startsWith("How is"),
      );
    await eventually(async () => expect(await answers()).toHaveLength(2));
    expect(await answers()).toHaveLength(2);
  });

  it("stores a pressed reply button as the user's message, by its title", async () => {
    const { number, contactId, conversationId } = await openChat("15550303");
    await sendProactive(contactId, "wa-press", "Did you get your run in?", OUTCOMES);
    await eventually(async () =>
      expect((await graphCalls(number.phoneId)).some((c) => c.body?.type === "interactive")).toBe(
        true,
      ),
    );
    const res = await postSigned(
      number,
      notification(number.phoneId, "15550303", {
        id: "wamid.IN-press",
        from: "15550303",
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: "o-not-yet", title: "Not yet" } },
      }),
    );
    expect(res.status).toBe(200);
    await eventually(async () =>
      expect(await userTexts(conversationId)).toEqual(["Hi", "Not yet"]),
    );
  });
});
