// Rate-limit configuration: production defaults, a JSON override, and a clear error naming the variable.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../worker/lib/errors";
import { rateLimits } from "../../../worker/lib/rate-limits";

describe("rateLimits", () => {
  it("uses the production defaults when RATE_LIMITS is empty", () => {
    expect(rateLimits({ RATE_LIMITS: "" }).socketMessage).toEqual({
      capacity: 10,
      refillPerSecond: 0.5,
    });
  });

  it("applies an override for one limit and keeps the others", () => {
    const limits = rateLimits({
      RATE_LIMITS: '{"socket_message": {"capacity": 1000, "refill_per_second": 100}}',
    });
    expect(limits.socketMessage).toEqual({ capacity: 1000, refillPerSecond: 100 });
    expect(limits.widgetSessionIp).toEqual({ capacity: 30, refillPerSecond: 0.5 });
  });

  it("limits every socket frame kind, and lets a load test lift them and the socket cap", () => {
    const defaults = rateLimits({ RATE_LIMITS: "" });
    expect(Object.keys(defaults.socketFrames).sort()).toEqual([
      "hello",
      "identify",
      "invalid",
      "ping",
      "read",
      "stop",
      "typing",
    ]);
    expect(defaults.socketsPerConversation).toBe(20);
    const lifted = rateLimits({
      RATE_LIMITS:
        '{"socket_frame": {"capacity": 1000, "refill_per_second": 100}, "sockets_per_conversation": 500}',
    });
    expect(Object.values(lifted.socketFrames)).toEqual(
      Array(7).fill({ capacity: 1000, refillPerSecond: 100 }),
    );
    expect(lifted.socketsPerConversation).toBe(500);
    expect(lifted.socketFlood).toEqual(defaults.socketFlood);
  });

  it("refuses a malformed override, naming the variable", () => {
    const error = (() => {
      try {
        rateLimits({ RATE_LIMITS: '{"socket_message": {"capacity": -1}}' });
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^RATE_LIMITS must be JSON/);
  });
});
