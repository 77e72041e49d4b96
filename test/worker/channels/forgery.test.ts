// Forged webhooks: 10,000 requests that are not from Telegram or Meta (missing header, wrong secret,
// one character off, an HMAC over another or a re-serialised body, only the legacy SHA-1 header).
// None may be accepted, and none may leave a trace: no message stored, no call to either platform.
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  graphCalls,
  hubSignature,
  postUpdate,
  postWhatsApp,
  telegramCalls,
  textUpdate,
  waText,
  type ConnectedBot,
  type ConnectedNumber,
} from "./channel-helpers";

const FORGERIES_PER_CHANNEL = 5_000;
const BATCH = 100;

let workspace: SeededWorkspace;
let bot: ConnectedBot;
let otherBot: ConnectedBot;
let number: ConnectedNumber;

beforeAll(async () => {
  workspace = await seedWorkspace();
  [bot, otherBot, number] = await Promise.all([
    connectBot(workspace),
    connectBot(await seedWorkspace()),
    connectNumber(workspace),
  ]);
});

function oneOff(text: string, i: number): string {
  const at = i % text.length;
  const swapped = text[at] === "a" ? "b" : "a";
  return `${text.slice(0, at)}${swapped}${text.slice(at + 1)}`;
}

async function forgedTelegram(i: number): Promise<Response> {
  const update = textUpdate(1_000_000 + i, 9000 + (i % 50), `forged ${i}`);
  switch (i % 4) {
    case 0:
      return postUpdate(bot.botId, undefined, update);
    case 1:
      return postUpdate(bot.botId, crypto.randomUUID(), update);
    case 2:
      return postUpdate(bot.botId, oneOff(bot.secret, i), update);
    default:
      // A real secret, but another bot's.
      return postUpdate(bot.botId, otherBot.secret, update);
  }
}

async function forgedWhatsApp(i: number): Promise<Response> {
  const payload = waText(
    number.phoneId,
    `1777${String(i % 50).padStart(4, "0")}`,
    `wamid.FORGED${i}`,
    `forged ${i}`,
  );
  const body = JSON.stringify(payload, null, 1);
  const genuine = await hubSignature(number.appSecret, body);
  switch (i % 6) {
    case 0:
      return postWhatsApp(number.channel.id, body, {});
    case 1:
      return postWhatsApp(number.channel.id, body, {
        "X-Hub-Signature-256": oneOff(genuine, 7 + (i % 64)),
      });
    case 2:
      return postWhatsApp(number.channel.id, body, {
        "X-Hub-Signature-256": await hubSignature(
          number.appSecret,
          JSON.stringify({ ...payload, object: "other" }),
        ),
      });
    case 3:
      // Signed over the same JSON serialised differently: the bytes differ, so it must fail.
      return postWhatsApp(number.channel.id, body, {
        "X-Hub-Signature-256": await hubSignature(number.appSecret, JSON.stringify(payload)),
      });
    case 4:
      return postWhatsApp(number.channel.id, body, {
        "X-Hub-Signature": await hubSignature(number.appSecret, body, "SHA-1"),
      });
    default:
      return postWhatsApp(number.channel.id, body, {
        "X-Hub-Signature-256": await hubSignature(number.verifyToken, body),
      });
  }
}

describe("forged webhooks", () => {
  it("accepts none of 10,000 forgeries and leaves no trace", async () => {
    const started = Date.now();
    const accepted: string[] = [];
    for (let offset = 0; offset < FORGERIES_PER_CHANNEL; offset += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, k) => offset + k);
      const results = await Promise.all(
        batch.flatMap((i) => [
          forgedTelegram(i).then((r) => ["telegram", i, r.status] as const),
          forgedWhatsApp(i).then((r) => ["whatsapp", i, r.status] as const),
        ]),
      );
      for (const [kind, i, status] of results)
        if (status !== 401) accepted.push(`${kind} #${i}: ${status}`);
    }
    console.info(`forgery: ${FORGERIES_PER_CHANNEL * 2} requests in ${Date.now() - started} ms`);
    expect(accepted).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 500));
    // Only what connecting the bot called (its command menu included): no forgery reached Telegram.
    expect(
      (await telegramCalls(bot.token)).map((c) => c.method).filter((m) => m !== "setMyCommands"),
    ).toEqual(["getMe", "setWebhook"]);
    expect((await graphCalls(number.phoneId)).filter((c) => c.path.endsWith("/messages"))).toEqual(
      [],
    );
    const list = (await (
      await call("/api/v1/conversations", { token: workspace.members.owner.token })
    ).json()) as { conversations: unknown[] };
    expect(list.conversations).toEqual([]);
  }, 120_000);
});
