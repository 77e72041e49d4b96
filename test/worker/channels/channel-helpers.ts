// Helpers for the channel tests: connecting a bot or a number through the API (and setting a number's
// template), posting webhooks as Telegram and Meta do, and reading what the Bot API and Graph stand-ins
// were asked to do.
import type { ChannelView } from "@coach/contracts/channels";
import { env, exports } from "cloudflare:workers";
import { findChannelById } from "../../../worker/db/channel-directory";
import type { GraphCall } from "../../support/graph-stand-in";
import type { TelegramCall, TelegramDelivery } from "../../support/telegram-stand-in";
import { BASE, call, type SeededWorkspace } from "../auth/helpers";

export type ConnectedBot = { channel: ChannelView; token: string; botId: string; secret: string };
export type ConnectedNumber = {
  channel: ChannelView;
  phoneId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
};

function digits(n: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String(b % 10))
    .join("")
    .replace(/^0/, "1");
}

/** A well-formed bot token for a new bot id; `invalid` makes the stand-in refuse it. */
export function newBotToken(invalid = false): string {
  return `${digits(10)}:${invalid ? "invalid" : "AA"}${crypto.randomUUID().replaceAll("-", "")}`;
}

/** The Bot API calls the stand-in recorded for a bot token. */
export async function telegramCalls(token: string, method?: string): Promise<TelegramCall[]> {
  const calls = (await (
    await fetch(`${env.TELEGRAM_API_ROOT}/__calls?token=${encodeURIComponent(token)}`)
  ).json()) as TelegramCall[];
  return method ? calls.filter((c) => c.method === method) : calls;
}

/** The Graph calls the stand-in recorded for a phone number id. */
export async function graphCalls(phoneId: string): Promise<GraphCall[]> {
  return (await (
    await fetch(`${env.WHATSAPP_GRAPH_URL}/__calls?phone=${phoneId}`)
  ).json()) as GraphCall[];
}

/** The texts a bot sent to one Telegram chat, oldest first. */
export async function telegramTexts(token: string, chatId: number): Promise<string[]> {
  return (await telegramCalls(token, "sendMessage"))
    .filter((c) => Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text));
}

/** The texts sent from a phone number id to one WhatsApp user (wa_id), oldest first. */
export async function whatsAppTexts(phoneId: string, to: string): Promise<string[]> {
  return (await graphCalls(phoneId))
    .filter((c) => c.body?.type === "text" && c.body?.to === to)
    .map((c) => (c.body?.text as { body: string }).body);
}

/** Polls `check` until it stops throwing, or throws its last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Connects a new bot to the workspace as its owner; the secret is the one the platform gave Telegram. */
export async function connectBot(workspace: SeededWorkspace): Promise<ConnectedBot> {
  const token = newBotToken();
  const res = await call("/api/v1/channels/telegram", {
    token: workspace.members.owner.token,
    body: { bot_token: token },
  });
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${await res.text()}`);
  const [setWebhook] = (await telegramCalls(token, "setWebhook")).slice(-1);
  return {
    channel: (await res.json()) as ChannelView,
    token,
    botId: token.split(":")[0] ?? "",
    secret: String(setWebhook?.params.secret_token),
  };
}

/** Posts an update to a bot's webhook as Telegram does. */
export function postUpdate(
  botId: string,
  secret: string | undefined,
  update: object | string,
): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  return exports.default.fetch(`${BASE}/webhooks/telegram/${botId}`, {
    method: "POST",
    headers,
    body: typeof update === "string" ? update : JSON.stringify(update),
  });
}

/**
 * Has Telegram (the stand-in) deliver `update` to the bot's webhook: sent only when the webhook's
 * allowed_updates include its type, with the webhook's secret; null when Telegram would not send it.
 */
export async function deliverUpdate(bot: ConnectedBot, update: object): Promise<Response | null> {
  const res = await fetch(
    `${env.TELEGRAM_API_ROOT}/__deliver?token=${encodeURIComponent(bot.token)}`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(update),
    },
  );
  const delivery = (await res.json()) as TelegramDelivery;
  if (!delivery.deliver || !delivery.url) return null;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (delivery.secret_token !== null)
    headers["X-Telegram-Bot-Api-Secret-Token"] = delivery.secret_token;
  return exports.default.fetch(delivery.url, {
    method: "POST",
    headers,
    body: JSON.stringify(update),
  });
}

/** A private-chat text message update. */
export function textUpdate(updateId: number, chatId: number, text: string): object {
  const from = { id: chatId, is_bot: false, first_name: "Sam" };
  const entities = text.startsWith("/")
    ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }]
    : undefined;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Sam" },
      from,
      text,
      entities,
    },
  };
}

/** Connects a new WhatsApp number to the workspace as its owner. */
export async function connectNumber(workspace: SeededWorkspace): Promise<ConnectedNumber> {
  const input = {
    phone_number_id: digits(15),
    access_token: `EAAG${crypto.randomUUID()}`,
    app_secret: crypto.randomUUID(),
    verify_token: crypto.randomUUID(),
  };
  const res = await call("/api/v1/channels/whatsapp", {
    token: workspace.members.owner.token,
    body: input,
  });
  if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${await res.text()}`);
  return {
    channel: (await res.json()) as ChannelView,
    phoneId: input.phone_number_id,
    accessToken: input.access_token,
    appSecret: input.app_secret,
    verifyToken: input.verify_token,
  };
}

/** Sets a number's template for proactive messages, as the owner unless another member's `token` is given. */
export function putTemplate(
  workspace: SeededWorkspace,
  channelId: string,
  body: object,
  token = workspace.members.owner.token,
): Promise<Response> {
  return call(`/api/v1/channels/${channelId}/template`, { method: "PUT", token, body });
}

/** The number's entry in the channel directory, as the senders read it. */
export async function whatsAppEntry(number: ConnectedNumber) {
  const channel = await findChannelById(env.DB, "whatsapp", number.channel.id);
  if (!channel) throw new Error("channel not found");
  return channel;
}

/** "sha256=" + hex HMAC-SHA256 of `body` under `secret`, as Meta signs webhooks. */
export async function hubSignature(
  secret: string,
  body: string,
  hash: "SHA-256" | "SHA-1" = "SHA-256",
): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  return `${hash === "SHA-256" ? "sha256" : "sha1"}=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Posts a notification to a number's webhook with the given headers (signed by the caller). */
export function postWhatsApp(
  channelId: string,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return exports.default.fetch(`${BASE}/webhooks/whatsapp/${channelId}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}

/** Posts a notification signed with the app secret. */
export async function postSigned(number: ConnectedNumber, payload: object): Promise<Response> {
  const body = JSON.stringify(payload);
  return postWhatsApp(number.channel.id, body, {
    "X-Hub-Signature-256": await hubSignature(number.appSecret, body),
  });
}

/** A WhatsApp notification body for the number, with one change `value` (messages, statuses). */
export function notification(phoneId: string, value: object): object {
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
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** A text message from `from` (a wa_id). */
export function waText(phoneId: string, from: string, id: string, text: string): object {
  return notification(phoneId, {
    contacts: [{ wa_id: from, profile: { name: "Sam" } }],
    messages: [
      {
        id,
        from,
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: "text",
        text: { body: text },
      },
    ],
  });
}

/** A status update of one of our messages. */
export function waStatus(phoneId: string, id: string, status: string): object {
  return notification(phoneId, {
    statuses: [
      { id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: "15550001" },
    ],
  });
}
