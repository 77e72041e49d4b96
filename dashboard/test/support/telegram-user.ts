// A person writing to a creator's bot, as Telegram does it: the update goes through the Bot API
// stand-in (which says whether Telegram would deliver it, where, and with which secret), then is posted
// to the bot's webhook on the edge; what the bot sent back is read from the stand-in's record of calls.
import type { TelegramCall, TelegramDelivery } from "../../../test/support/telegram-stand-in";

/** One person in a private chat with the bot whose token is `botToken`. */
export type TelegramUser = {
  /** Sends `text` as this person; a leading `/command` carries its `bot_command` entity, as Telegram marks it. */
  send: (text: string) => Promise<void>;
  /** The texts the bot has sent this person so far, oldest first. */
  received: () => Promise<string[]>;
};

/** A Telegram user named `firstName` talking to the bot through the stand-in at `telegramUrl`. */
export function telegramUser(
  telegramUrl: string,
  botToken: string,
  firstName: string,
): TelegramUser {
  const chatId = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  const token = encodeURIComponent(botToken);
  let updateId = chatId;
  return {
    async send(text) {
      updateId += 1;
      const command = /^\/\w+/.exec(text)?.[0];
      const update = {
        update_id: updateId,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: "private", first_name: firstName },
          from: { id: chatId, is_bot: false, first_name: firstName },
          text,
          ...(command
            ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] }
            : {}),
        },
      };
      const delivery = (await (
        await fetch(`${telegramUrl}/__deliver?token=${token}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(update),
        })
      ).json()) as TelegramDelivery;
      if (!delivery.deliver || !delivery.url)
        throw new Error("Telegram would not deliver this update: is the bot's webhook set?");
      const res = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(delivery.secret_token
            ? { "X-Telegram-Bot-Api-Secret-Token": delivery.secret_token }
            : {}),
        },
        body: JSON.stringify(update),
      });
      if (!res.ok) throw new Error(`the bot's webhook answered ${res.status}: ${await res.text()}`);
    },
    async received() {
      const calls = (await (
        await fetch(`${telegramUrl}/__calls?token=${token}`)
      ).json()) as TelegramCall[];
      return calls
        .filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chatId)
        .map((c) => String(c.params.text));
    },
  };
}
