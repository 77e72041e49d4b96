// Rate-limit settings of the edge, with defaults that suit production and an optional override in the
// `RATE_LIMITS` variable (JSON), e.g. for load tests on a local stack. A wrong override is a
// configuration error that names the variable.
import { z } from "zod";
import type { BucketRule } from "../../durable-objects/token-bucket";
import { AppError } from "./errors";

const RuleSchema = z.object({ capacity: z.number().positive(), refill_per_second: z.number().min(0) }).strict();

const OverridesSchema = z
  .object({
    /** Messages per visitor and per conversation on a socket. */
    socket_message: RuleSchema,
    /** Widget sessions minted per client IP. */
    widget_session_ip: RuleSchema,
  })
  .partial()
  .strict();

export type RateLimits = { socketMessage: BucketRule; widgetSessionIp: BucketRule };

const DEFAULTS: RateLimits = {
  // A burst of 10 messages, then one every two seconds.
  socketMessage: { capacity: 10, refillPerSecond: 0.5 },
  // A burst of 30 sessions per IP (shared offices, schools), then one every two seconds.
  widgetSessionIp: { capacity: 30, refillPerSecond: 0.5 },
};

let cached: { raw: string; limits: RateLimits } | undefined;

function toRule(rule: z.infer<typeof RuleSchema> | undefined, fallback: BucketRule): BucketRule {
  return rule ? { capacity: rule.capacity, refillPerSecond: rule.refill_per_second } : fallback;
}

/** The limits in force: defaults, overridden by `RATE_LIMITS` when set. */
export function rateLimits(env: { RATE_LIMITS?: string }): RateLimits {
  const raw = env.RATE_LIMITS ?? "";
  if (cached?.raw === raw) return cached.limits;
  let overrides: z.infer<typeof OverridesSchema> = {};
  if (raw.trim() !== "") {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = OverridesSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError(
        500,
        "configuration_invalid",
        'RATE_LIMITS must be JSON such as {"socket_message": {"capacity": 10, "refill_per_second": 0.5}}.',
      );
    }
    overrides = parsed.data;
  }
  const limits: RateLimits = {
    socketMessage: toRule(overrides.socket_message, DEFAULTS.socketMessage),
    widgetSessionIp: toRule(overrides.widget_session_ip, DEFAULTS.widgetSessionIp),
  };
  cached = { raw, limits };
  return limits;
}
