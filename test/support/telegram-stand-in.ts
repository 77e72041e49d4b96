// A stand-in for the Telegram Bot API (Node, real HTTP), for the edge tests: answers the methods the
// platform calls (getMe, setWebhook, deleteWebhook, getWebhookInfo, sendMessage, sendChatAction,
// answerCallbackQuery, editMessageReplyMarkup) the way Telegram does, and records every call. Tokens whose secret starts with "invalid" are refused as
// Telegram refuses unknown tokens. `GET /__calls?token=…` answers the recorded calls of one bot.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type TelegramCall = { token: string; method: string; params: Record<string, unknown>; at: number };

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString();
  if (text === "") return {};
  return (req.headers["content-type"] ?? "").includes("json") ? (JSON.parse(text) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(text));
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

/** Starts the stand-in on `port`; resolves to a stop function. */
export async function startTelegramStandIn(port: number): Promise<() => Promise<void>> {
  const calls: TelegramCall[] = [];
  const webhooks = new Map<string, { url: string; secret_token?: string }>();
  let messageId = 0;

  const answer = (token: string, method: string, params: Record<string, unknown>): [number, unknown] => {
    const [id, secret = ""] = token.split(":");
    if (secret.startsWith("invalid")) return [401, { ok: false, error_code: 401, description: "Unauthorized" }];
    const ok = (result: unknown): [number, unknown] => [200, { ok: true, result }];
    switch (method) {
      case "getMe":
        return ok({ id: Number(id), is_bot: true, first_name: "Maya's Coach", username: `coach_${id}_bot`, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
      case "setWebhook":
        webhooks.set(token, { url: String(params.url), secret_token: params.secret_token as string | undefined });
        return ok(true);
      case "deleteWebhook":
        webhooks.delete(token);
        return ok(true);
      case "getWebhookInfo":
        return ok({ url: webhooks.get(token)?.url ?? "", has_custom_certificate: false, pending_update_count: 0 });
      case "sendMessage":
        messageId += 1;
        return ok({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id), type: "private" }, text: params.text });
      case "sendChatAction":
      case "answerCallbackQuery":
        return ok(true);
      case "editMessageReplyMarkup":
        return ok({ message_id: Number(params.message_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(params.chat_id), type: "private" } });
      default:
        return [404, { ok: false, error_code: 404, description: "Not Found: method not found" }];
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      if (url.pathname === "/__calls") {
        const token = url.searchParams.get("token");
        reply(res, 200, calls.filter((c) => c.token === token));
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
