// How each platform's refusal is read: wait and send again, stop writing to the person, or give up on
// the message. Codes from the Bot API (https://core.telegram.org/bots/api#making-requests) and Graph's
// error codes (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { classifyDeliveryFailure, UnsentParts } from "../../../worker/channels/delivery-failure";
import { GraphError } from "../../../worker/channels/whatsapp/graph-client";

function telegram(code: number, description: string, retryAfter?: number): GrammyError {
  return new GrammyError(
    "refused",
    {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
    },
    "sendMessage",
    {},
  );
}

describe("reading a platform's refusal", () => {
  it("waits exactly Telegram's retry_after on 429, also when a long message was half sent", () => {
    const limited = telegram(429, "Too Many Requests: retry after 7", 7);
    expect(classifyDeliveryFailure(limited)).toMatchObject({
      kind: "later",
      afterMs: 7_000,
      backoff: false,
    });
    expect(classifyDeliveryFailure(new UnsentParts("the rest", limited))).toMatchObject({
      kind: "later",
      afterMs: 7_000,
    });
  });

  it("stops writing to a person who blocked the bot (403) and gives up on a refused message (400)", () => {
    expect(
      classifyDeliveryFailure(telegram(403, "Forbidden: bot was blocked by the user")),
    ).toEqual({ kind: "unreachable", reason: "Forbidden: bot was blocked by the user" });
    expect(classifyDeliveryFailure(telegram(400, "Bad Request: can't parse entities")).kind).toBe(
      "refused",
    );
  });

  it("backs off on Graph's rate limits, server errors and network failures", () => {
    for (const err of [
      new GraphError(400, 130429, "Rate limit hit"),
      new GraphError(400, 131056, "Pair rate limit hit"),
      new GraphError(503, null, "Service unavailable"),
      telegram(502, "Bad Gateway"),
      new HttpError("Network request for 'sendMessage' failed!", new TypeError("fetch failed")),
    ])
      expect(classifyDeliveryFailure(err)).toMatchObject({ kind: "later", backoff: true });
  });

  it("marks a number that cannot receive (131026) unreachable and refuses the rest", () => {
    expect(classifyDeliveryFailure(new GraphError(400, 131026, "Message undeliverable")).kind).toBe(
      "unreachable",
    );
    expect(
      classifyDeliveryFailure(new GraphError(400, 131009, "Parameter value is not valid")).kind,
    ).toBe("refused");
  });
});
