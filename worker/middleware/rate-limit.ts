// Rate limiting through the RateLimiter Durable Object: 429 with `Retry-After` when a bucket is empty.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { BucketRule } from "../../durable-objects/token-bucket";
import type { AppEnv } from "../app-env";
import { tooManyRequests } from "../lib/errors";

export type RateLimitOptions = {
  /** Names the bucket family, e.g. "api-ip" or "login-account". */
  bucket: string;
  /** The bucket's rule, or a function of the request when it comes from configuration. */
  rule: BucketRule | ((c: Context<AppEnv>) => BucketRule);
  /** The key to limit on; `null` skips limiting for this request. */
  key: (c: Context<AppEnv>) => string | null;
};

/** The caller's IP as Cloudflare reports it; local runs have none and share one bucket. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? "local";
}

/** Takes one token for `key` from `bucket`, or throws 429 with the wait. */
export async function consume(env: Env, bucket: string, key: string, rule: BucketRule): Promise<void> {
  const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(`${bucket}:${key}`));
  const result = await stub.take(bucket, rule);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}

/** Middleware form of `consume`. */
export const rateLimit = (options: RateLimitOptions) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = options.key(c);
    const rule = typeof options.rule === "function" ? options.rule(c) : options.rule;
    if (key !== null) await consume(c.env, options.bucket, key, rule);
    await next();
  });
