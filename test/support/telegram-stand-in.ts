// A stand-in for the Telegram Bot API (Node, real HTTP), for the edge tests: answers the methods the
// platform calls (getMe, setWebhook, deleteWebhook, getWebhookInfo, sendMessage, sendChatAction,
// answerCallbackQuery, editMessageReplyMarkup) the way Telegram does, and records every call. A message
// Telegram would refuse (bad HTML, empty, longer than 4,096 characters) is refused the same way. Tokens
// whose secret starts with "invalid" are refused as Telegram refuses unknown tokens.
// `GET /__calls?token=…` answers the recorded calls of one bot. `POST /__deliver?token=…` with an update
// answers whether Telegram would deliver it to the bot's webhook, and where with which secret: Telegram
// sends only the update types the webhook's `allowed_updates` names (https://core.telegram.org/bots/api#setwebhook).
// `POST /__limit?token=…` with `{chat_id, count, retry_after}` makes the next `count` messages to that chat
// answer 429 "Too Many Requests: retry after N" with `parameters.retry_after` (what Telegram answers past
// its limits, https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this and
// https://core.telegram.org/bots/api#responseparameters); a message sent before `retry_after` has passed
// is refused again. `POST /__block?token=…` with `{chat_id, blocked}` is the person blocking (or
// unblocking) the bot: while blocked, every message and chat action to them answers 403 "Forbidden: bot was
// blocked by the user", as Telegram does. setMyCommands and getMyCommands keep one command menu per
// language code, and refuse a menu Telegram would refuse (telegram-command-rules.ts). `POST /__refuse?token=…`
// with `{method, error_code, description}` makes every later call of that method by that bot fail so.
import { commandMenuRefusal } from "./telegram-command-rules";
import { parseMessageText } from "./telegram-html-rules";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type TelegramCall = {
  token: string;
  method: string;
  params: Record<string, unknown>;
  at: number;
};
export type TelegramDelivery = {
  deliver: boolean;
  url: string | null;
  secret_token: string | null;
};

type Webhook = { url: string; secret_token?: string; allowed_updates: string[] };

// An empty list (the default) receives every update type except these (Bot API, setWebhook / getUpdates).
const ONLY_ON_REQUEST = ["chat_member", "message_reaction", "message_reaction_count"];

/** Whether Telegram sends `update` to a webhook registered with `allowed`. */
function delivers(allowed: readonly string[], update: Record<string, unknown>): boolean {
  const kind = Object.keys(update).find((key) => key !== "update_id");
  if (kind === undefined) return false;
  return allowed.length === 0 ? !ONLY_ON_REQUEST.includes(kind) : allowed.includes(kind);
}

/** A JSON parameter as sent: JSON bodies carry it as it is, form bodies as its text. */
function jsonParam(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** `allowed_updates` as sent: a JSON list (JSON bodies carry it as an array, form bodies as its text). */
function allowedUpdates(value: unknown, previous: string[] | undefined): string[] {
  if (value === undefined) return previous ?? [];
  const list = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? list.map(String) : [];
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString();
  if (text === "") return {};
  return (req.headers["content-type"] ?? "").includes("json")
    ? (JSON.parse(text) as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(text));
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/** Starts the stand-in on `port`; resolves to a stop function. */
export async function startTelegramStandIn(port: number): Promise<() => Promise<void>> {
  const calls: TelegramCall[] = [];
  const webhooks = new Map<string, Webhook>();
  let messageId = 0;
  // Per `token:chat_id`: refusals still to give, and until when Telegram asked to wait.
  const limits = new Map<string, { count: number; retryAfter: number; until: number }>();
  const blocked = new Set<string>();
  // Per `token:language_code` ("" for the default menu): the commands set.
  const menus = new Map<string, unknown[]>();
  // Per `token:method`: the refusal every call answers.
  const refusals = new Map<string, { error_code: number; description: string }>();

  /** Telegram's refusal of a message or chat action to this chat, if it would refuse it. */
  const refusal = (token: string, chatId: unknown): [number, unknown] | null => {
    const chat = `${token}:${String(chatId)}`;
    if (blocked.has(chat))
      return [
        403,
        { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      ];
    const limit = limits.get(chat);
    if (!limit) return null;
    const now = Date.now();
    const tooMany = (seconds: number): [number, unknown] => [
      429,
      {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${seconds}`,
        parameters: { retry_after: seconds },
      },
    ];
    // Sending again before the wait is over is refused again, with what is left of it.
    if (now < limit.until) return tooMany(Math.ceil((limit.until - now) / 1000));
    if (limit.count <= 0) return null;
    limit.count -= 1;
    limit.until = now + limit.retryAfter * 1000;
    return tooMany(limit.retryAfter);
  };

  const answer = (
    token: string,
    method: string,
    params: Record<string, unknown>,
  ): [number, unknown] => {
    const [id, secret = ""] = token.split(":");
    if (secret.startsWith("invalid"))
      return [401, { ok: false, error_code: 401, description: "Unauthorized" }];
    const ok = (result: unknown): [number, unknown] => [200, { ok: true, result }];
    const failing = refusals.get(`${token}:${method}`);
    if (failing) return [failing.error_code, { ok: false, ...failing }];
    switch (method) {
      case "getMe":
        return ok({
          id: Number(id),
          is_bot: true,
          first_name: "Maya's Coach",
          username: `coach_${id}_bot`,
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case "setWebhook":
        // Telegram keeps the previous allowed_updates when a new setWebhook leaves it out.
        webhooks.set(token, {
          url: String(params.url),
          secret_token: params.secret_token as string | undefined,
          allowed_updates: allowedUpdates(
            params.allowed_updates,
            webhooks.get(token)?.allowed_updates,
          ),
        });
        return ok(true);
      case "deleteWebhook":
        webhooks.delete(token);
        return ok(true);
      case "getWebhookInfo":
        return ok({
          url: webhooks.get(token)?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: 0,
          allowed_updates: webhooks.get(token)?.allowed_updates ?? [],
        });
      case "sendMessage": {
        const refused = refusal(token, params.chat_id);
        if (refused) return refused;
        const parsed = parseMessageText(String(params.text ?? ""), params.parse_mode);
        if ("error" in parsed)
          return [400, { ok: false, error_code: 400, description: parsed.error }];
        messageId += 1;
        return ok({
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: "private" },
          text: parsed.text,
        });
      }
      case "sendChatAction":
        return refusal(token, params.chat_id) ?? ok(true);
      case "setMyCommands": {
        const commands = jsonParam(params.commands);
        const languageCode = String(params.language_code ?? "");
        const refused = commandMenuRefusal(commands, languageCode);
        if (refused) return [400, { ok: false, error_code: 400, description: refused }];
        menus.set(`${token}:${languageCode}`, commands as unknown[]);
        return ok(true);
      }
      case "getMyCommands":
        return ok(menus.get(`${token}:${String(params.language_code ?? "")}`) ?? []);
      case "answerCallbackQuery":
        return ok(true);
      case "editMessageReplyMarkup":
        return ok({
          message_id: Number(params.message_id),
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: "private" },
        });
      default:
        return [404, { ok: false, error_code: 404, description: "Not Found: method not found" }];
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (url.pathname === "/__calls") {
        const token = url.searchParams.get("token");
        reply(
          res,
          200,
          calls.filter((c) => c.token === token),
        );
        return;
      }
      if (url.pathname === "/__deliver") {
        const webhook = webhooks.get(url.searchParams.get("token") ?? "");
        const update = (await readParams(req)) as Record<string, unknown>;
        const delivery: TelegramDelivery = webhook
          ? {
              deliver: delivers(webhook.allowed_updates, update),
              url: webhook.url,
              secret_token: webhook.secret_token ?? null,
            }
          : { deliver: false, url: null, secret_token: null };
        reply(res, 200, delivery);
        return;
      }
      if (url.pathname === "/__refuse") {
        const body = await readParams(req);
        refusals.set(`${url.searchParams.get("token") ?? ""}:${String(body.method)}`, {
          error_code: Number(body.error_code ?? 400),
          description: String(body.description ?? "Bad Request"),
        });
        reply(res, 200, { ok: true });
        return;
      }
      if (url.pathname === "/__limit" || url.pathname === "/__block") {
        const body = await readParams(req);
        const chat = `${url.searchParams.get("token") ?? ""}:${String(body.chat_id)}`;
        if (url.pathname === "/__limit")
          limits.set(chat, {
            count: Number(body.count ?? 1),
            retryAfter: Number(body.retry_after ?? 1),
            until: 0,
          });
        else if (body.blocked === false) blocked.delete(chat);
        else blocked.add(chat);
        reply(res, 200, { ok: true });
        return;
      }
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!match) return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      const [, token = "", method = ""] = match;
      const params = await readParams(req);
      calls.push({ token, method, params, at: Date.now() });
      const [status, body] = answer(token, method, params);
      reply(res, status, body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
