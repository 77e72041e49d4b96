// Rate-limit settings of the edge, with defaults that suit production and an optional override in the
// `RATE_LIMITS` variable (JSON), e.g. for load tests on a local stack. A wrong override is a
// configuration error that names the variable.
import type { ClientFrame } from "@coach/contracts/socket";
import { z } from "zod";
import type { BucketRule } from "./token-bucket";
import { readJsonSetting } from "./json-setting";

const RuleSchema = z
  .object({ capacity: z.number().positive(), refill_per_second: z.number().min(0) })
  .strict();

const OverridesSchema = z
  .object({
    /** Messages per visitor and per conversation on a socket. */
    socket_message: RuleSchema,
    /** Widget sessions minted per client IP. */
    widget_session_ip: RuleSchema,
    /** Every socket frame other than `message`, per socket (replaces each kind's default). */
    socket_frame: RuleSchema,
    /** Refused frames a socket may collect before it is closed as a flood. */
    socket_flood: RuleSchema,
    /** Sockets one visitor may open on a conversation. */
    socket_open: RuleSchema,
    /** Open sockets per conversation. */
    sockets_per_conversation: z.number().int().positive(),
  })
  .partial()
  .strict();

/** Socket frames limited per socket and kind; `invalid` is anything that is not a frame of the protocol. */
export type SocketFrameKind = Exclude<ClientFrame["type"], "message"> | "invalid";

export type RateLimits = {
  socketMessage: BucketRule;
  widgetSessionIp: BucketRule;
  socketFrames: Record<SocketFrameKind, BucketRule>;
  socketFlood: BucketRule;
  socketOpen: BucketRule;
  socketsPerConversation: number;
};

const DEFAULTS: RateLimits = {
  // A burst of 10 messages, then one every two seconds.
  socketMessage: { capacity: 10, refillPerSecond: 0.5 },
  // A burst of 30 sessions per IP (shared offices, schools), then one every two seconds.
  widgetSessionIp: { capacity: 30, refillPerSecond: 0.5 },
  // Well above what the widget sends (hello and identify per connection, typing every 3 s, a ping every
  // 25 s); hello replays the log and identify writes to D1, so they refill slowest.
  socketFrames: {
    hello: { capacity: 5, refillPerSecond: 0.1 },
    typing: { capacity: 5, refillPerSecond: 0.5 },
    read: { capacity: 20, refillPerSecond: 2 },
    stop: { capacity: 5, refillPerSecond: 0.5 },
    ping: { capacity: 10, refillPerSecond: 0.5 },
    identify: { capacity: 5, refillPerSecond: 0.05 },
    invalid: { capacity: 10, refillPerSecond: 1 },
  },
  // 20 refusals (a client ignoring retry_after), then the socket is closed; one more every two seconds.
  socketFlood: { capacity: 20, refillPerSecond: 0.5 },
  // A burst of 30 sockets per visitor and conversation (tabs, reconnects), then one every five seconds.
  socketOpen: { capacity: 30, refillPerSecond: 0.2 },
  socketsPerConversation: 20,
};

let cached: { raw: string; limits: RateLimits } | undefined;

function asRule(rule: z.infer<typeof RuleSchema>): BucketRule {
  return { capacity: rule.capacity, refillPerSecond: rule.refill_per_second };
}

function toRule(rule: z.infer<typeof RuleSchema> | undefined, fallback: BucketRule): BucketRule {
  return rule ? asRule(rule) : fallback;
}

/** One rule for every frame kind (a load test's override). */
function everyKind(rule: BucketRule): Record<SocketFrameKind, BucketRule> {
  return Object.fromEntries(
    Object.keys(DEFAULTS.socketFrames).map((kind) => [kind, rule]),
  ) as Record<SocketFrameKind, BucketRule>;
}

/** The limits in force: defaults, overridden by `RATE_LIMITS` when set. */
export function rateLimits(env: { RATE_LIMITS?: string }): RateLimits {
  const raw = env.RATE_LIMITS ?? "";
  if (cached?.raw === raw) return cached.limits;
  const overrides = readJsonSetting(
    raw,
    OverridesSchema,
    {},
    'RATE_LIMITS must be JSON such as {"socket_message": {"capacity": 10, "refill_per_second": 0.5}, "sockets_per_conversation": 20}.',
  );
  const limits: RateLimits = {
    socketMessage: toRule(overrides.socket_message, DEFAULTS.socketMessage),
    widgetSessionIp: toRule(overrides.widget_session_ip, DEFAULTS.widgetSessionIp),
    socketFrames: overrides.socket_frame
      ? everyKind(asRule(overrides.socket_frame))
      : DEFAULTS.socketFrames,
    socketFlood: toRule(overrides.socket_flood, DEFAULTS.socketFlood),
    socketOpen: toRule(overrides.socket_open, DEFAULTS.socketOpen),
    socketsPerConversation: overrides.sockets_per_conversation ?? DEFAULTS.socketsPerConversation,
  };
  cached = { raw, limits };
  return limits;
}
