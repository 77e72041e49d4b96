// Answers that take long or run long. A slow model must never delay a webhook's acknowledgement (the
// platforms would retry and the user would get the answer twice); a long answer arrives split at
// Telegram's limit, escaped so the model's text can never be read as markup.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { ROOM_TEXTS } from "../../../durable-objects/room/room-texts";
import { ROUTINE_QUESTION } from "../../support/coach-material";
import { controlBridge, ingestMaterial } from "../../support/widget-client";
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

/** Longer than a second by far; see the report for why this stands in for a 60-second model. */
const SLOW_MODEL_MS = 3_000;

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
  await ingestMaterial(workspace.tenantId);
});

afterEach(async () => {
  await controlBridge("/stand-in/settings");
});

async function timed(request: () => Promise<Response>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await request();
  return { status: res.status, ms: performance.now() - started };
}

describe("a slow model", () => {
  it("never delays a Telegram acknowledgement, and a redelivery during the wait sends no second reply", async () => {
    const bot = await connectBot(workspace);
    await controlBridge("/stand-in/settings", { latencyMs: SLOW_MODEL_MS });
    const update = textUpdate(1, 8001, ROUTINE_QUESTION);
    const first = await timed(() => postUpdate(bot.botId, bot.secret, update));
    const acknowledgedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const again = await Promise.all(
      [1, 2, 3].map(() => timed(() => postUpdate(bot.botId, bot.secret, update))),
    );
    console.info(
      `slow model: Telegram acknowledged in ${[first, ...again].map((a) => `${Math.round(a.ms)} ms`).join(", ")}`,
    );
    for (const ack of [first, ...again]) {
      expect(ack.status).toBe(200);
      expect(ack.ms).toBeLessThan(1_000);
    }
    const [reply] = await eventually(async () => {
      const sent = await telegramCalls(bot.token, "sendMessage");
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect((reply?.at ?? 0) - acknowledgedAt).toBeGreaterThan(SLOW_MODEL_MS - 1_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await telegramCalls(bot.token, "sendMessage")).toHaveLength(1);
  }, 20_000);

  it("never delays a WhatsApp acknowledgement either", async () => {
    const number = await connectNumber(workspace);
    await controlBridge("/stand-in/settings", { latencyMs: SLOW_MODEL_MS });
    const payload = waText(number.phoneId, "15550090", "wamid.SLOW1", ROUTINE_QUESTION);
    const acks = [await timed(() => postSigned(number, payload))];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    acks.push(await timed(() => postSigned(number, payload)));
    for (const ack of acks) {
      expect(ack.status).toBe(200);
      expect(ack.ms).toBeLessThan(1_000);
    }
    await eventually(async () =>
      expect(
        (await graphCalls(number.phoneId)).filter((c) => c.body?.type === "text"),
      ).toHaveLength(1),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await graphCalls(number.phoneId)).filter((c) => c.body?.type === "text")).toHaveLength(
      1,
    );
  }, 20_000);
});

describe("a busy coach", () => {
  it("tells the Telegram user once that the answer will follow, then sends it", async () => {
    const bot = await connectBot(workspace);
    // Ollama busy for the question's embedding (the bridge then ranks lexically) and for the answer.
    await controlBridge("/stand-in/fail", { count: 2, status: 503 });
    await postUpdate(bot.botId, bot.secret, textUpdate(3, 8201, ROUTINE_QUESTION));
    const texts = await eventually(async () => {
      const sent = (await telegramCalls(bot.token, "sendMessage")).map((c) =>
        String(c.params.text),
      );
      expect(sent).toHaveLength(2);
      return sent;
    });
    expect(texts[0]).toBe(ROOM_TEXTS.en.willAnswerShortly);
    expect(texts[1]).not.toBe(ROOM_TEXTS.en.willAnswerShortly);
  }, 20_000);
});

describe("a long answer on Telegram", () => {
  it("arrives split at 4096 characters, HTML-escaped, in order and complete", async () => {
    const bot = await connectBot(workspace);
    await controlBridge("/stand-in/settings", {
      replyWords: ["<b>bold?</b>", "R&D", "steps"],
      replyTokens: 1_500,
      tokensPerSecond: 100_000,
    });
    await postUpdate(bot.botId, bot.secret, textUpdate(2, 8101, ROUTINE_QUESTION));
    const sent = await eventually(async () => {
      const calls = await telegramCalls(bot.token, "sendMessage");
      expect(calls.length).toBeGreaterThan(1);
      return calls;
    });
    const texts = sent.map((c) => String(c.params.text));
    const plain = texts.map((t) =>
      t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
    );
    for (const [i, call] of sent.entries()) {
      expect(call.params.parse_mode).toBe("HTML");
      expect(plain[i]?.length).toBeLessThanOrEqual(4096);
      expect(texts[i]).not.toMatch(/<b>|&(?!amp;|lt;|gt;)/);
    }
    expect(plain.join(" ")).toContain("<b>bold?</b> R&D steps");
    expect(plain.join(" ").split(/\s+/).length).toBeGreaterThan(1_000);
  }, 20_000);
});
